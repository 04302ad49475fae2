package io.quotegraph.gateway.ui;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Set;

/** The explorer UI (static files under META-INF/resources/explorer/) is the gateway's home page. */
@ApplicationScoped
public class ExplorerRoutes {

    public static final String EXPLORER_PATH = "/explorer/";
    private static final Set<String> REDIRECTED = Set.of("/", "/explorer");

    void redirectToExplorer(@Observes Router router) {
        // Vert.x matches "/explorer" for "/explorer/" too: redirect the exact paths only, the static handler does the rest
        router.get().handler(context -> {
            if (REDIRECTED.contains(context.request().path())) {
                context.redirect(EXPLORER_PATH);
            } else {
                context.next();
            }
        });
    }
}
