package io.quotegraph.gateway.client;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Passes the GraphQL caller's {@code Authorization} header on to the backends, which decide (writes need a role,
 * reads a token only when protected). Registered on every backend client with {@code @RegisterClientHeaders}: the
 * GraphQL request is no JAX-RS request, so its headers are read from the current Vert.x request, which SmallRye
 * GraphQL's handler makes current for the request context that resolvers (batched ones too) run in.
 */
@ApplicationScoped
public class CallerCredentials implements ClientHeadersFactory {

    static final String AUTHORIZATION = "Authorization";

    @Inject
    CurrentVertxRequest request;

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
                                                 MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        String authorization = incoming == null ? null : incoming.getFirst(AUTHORIZATION);
        if (authorization == null) {
            authorization = callerAuthorization();
        }
        if (authorization != null && !authorization.isBlank()) {
            headers.putSingle(AUTHORIZATION, authorization);
        }
        return headers;
    }

    /** The current GraphQL request's Authorization header, or null outside a request (e.g. the statement stream). */
    String callerAuthorization() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        RoutingContext current = request.getCurrent();
        return current == null ? null : current.request().getHeader(AUTHORIZATION);
    }
}
