package io.quotegraph.gateway.graphql;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where each step of a {@code POST /graphql} runs, all in one place. Vert.x runs routes by ascending order, routes of
 * equal order in the order they were added. The sequence, with the steps that are not ours:
 * <ol>
 * <li>{@value #AUTHENTICATION}: Quarkus's HTTP authentication filter (lazy, {@code quarkus.http.auth.proactive=false};
 * the gateway has no authentication mechanism: it decides nothing from the caller's token, the backends do);</li>
 * <li>{@value #BODY_SIZE}: {@link RequestLimits#rejectOversizedBody} (413 before anything is read);</li>
 * <li>{@value #BODY_READER}: the body handler, within the same size limit; marks the request as a GraphQL POST;</li>
 * <li>{@value #PERMISSION_CHECK}: Quarkus's HTTP permission check ({@code quarkus.http.auth.permission.*});</li>
 * <li>{@value #PERMISSION_CHECK}, installed after it (a Quarkus filter of the same priority): {@link ResponseCache}
 * answers a hit, then {@link RequestLimits#checkTokens}, then {@link GraphQLRequestFilter} (the body's shape);</li>
 * <li>{@value #SMALLRYE_WEBSOCKET}: SmallRye GraphQL's WebSocket-upgrade route (any method; it activates the CDI request
 * context for every request, upgrade or not), then its execution route (order 0 and above).</li>
 * </ol>
 * Why the cache is there: a hit is answered after every check that can reject the request for who sends it (the
 * permission check), and before SmallRye's routes and the checks that depend on nothing but the request body and its
 * {@code Content-Type}, which are in the cache's key: a body that one of them rejects is never stored (only a query's
 * successful execution is), so an identical body cannot be a hit. A new check goes before the cache if its outcome can
 * differ for two requests of the same key (the caller, the time, a header the key leaves out), after it otherwise. There
 * is no free integer between Quarkus's permission check (-100) and SmallRye's WebSocket route (-99): the steps after the
 * permission check are Quarkus {@link Filters} of its priority, which Quarkus installs after its own filters, and
 * {@code RouteOrderTest} checks that a permission denial still wins over a cached answer.
 */
@ApplicationScoped
public class GraphQLRoutes {

    /** Quarkus's HTTP authentication filter. */
    public static final int AUTHENTICATION = -SecurityHandlerPriorities.AUTHENTICATION;
    /** {@link RequestLimits#rejectOversizedBody}. */
    public static final int BODY_SIZE = -102;
    /** The body handler (with the same limit), which marks the request for the steps below. */
    public static final int BODY_READER = -101;
    /** Quarkus's HTTP permission check; the cache and the body checks run right after it, at the same order. */
    public static final int PERMISSION_CHECK = -SecurityHandlerPriorities.AUTHORIZATION;
    /** SmallRye GraphQL's WebSocket-upgrade route (its processor's GRAPHQL_WEBSOCKET_HANDLER_ORDER). */
    public static final int SMALLRYE_WEBSOCKET = -99;

    /** The routing-context attribute that marks a POST to the GraphQL endpoint whose body has been read. */
    private static final String GRAPHQL_POST = GraphQLRoutes.class.getName() + ".post";

    @ConfigProperty(name = "quarkus.smallrye-graphql.root-path")
    String rootPath;

    @Inject
    RequestLimits limits;

    @Inject
    ResponseCache cache;

    @Inject
    GraphQLRequestFilter bodyShape;

    void routes(@Observes Router router) {
        String path = "/" + rootPath.replaceAll("^/+|/+$", "");
        router.post(path).order(BODY_SIZE).handler(limits::rejectOversizedBody);
        // SmallRye's own body handler then sees the body already read and passes it on
        router.post(path).order(BODY_READER).handler(limits.bodyReader())
                .handler(ctx -> {
                    ctx.put(GRAPHQL_POST, Boolean.TRUE);
                    ctx.next();
                });
    }

    void filters(@Observes Filters filters) {
        // a filter is a route of every path: each step acts on the requests the route above has marked only
        if (cache.isEnabled()) {
            filters.register(onGraphQLPost(cache::serve), -PERMISSION_CHECK);
        }
        filters.register(onGraphQLPost(limits::checkTokens), -PERMISSION_CHECK);
        filters.register(onGraphQLPost(bodyShape::check), -PERMISSION_CHECK);
    }

    private static Handler<RoutingContext> onGraphQLPost(Handler<RoutingContext> step) {
        return ctx -> {
            if (ctx.get(GRAPHQL_POST) != null) {
                step.handle(ctx);
            } else {
                ctx.next();
            }
        };
    }
}
