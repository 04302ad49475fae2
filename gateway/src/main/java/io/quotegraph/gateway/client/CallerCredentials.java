package io.quotegraph.gateway.client;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import java.util.Map;

/**
 * Passes the GraphQL caller's {@code Authorization} header on to the backends, which decide (writes need a role,
 * reads a token only when protected). Registered on every backend client with {@code @RegisterClientHeaders}: the
 * GraphQL request is no JAX-RS request, so its headers are read from the current Vert.x request, which SmallRye
 * GraphQL's handler makes current for the request context that resolvers (batched ones too) run in. For a
 * subscription that request is the WebSocket upgrade; browsers cannot set headers on it, so a token sent in the
 * {@code connection_init} payload instead is remembered on it ({@link #subscriberAuthorization}) and used the same way.
 * A call that names its own {@code Authorization} (a {@code @HeaderParam}) keeps it.
 */
@ApplicationScoped
public class CallerCredentials implements ClientHeadersFactory {

    static final String AUTHORIZATION = "Authorization";
    /** Where the connection_init payload's token is kept: on the upgrade request, which lives as long as the socket. */
    static final String CONNECTION_INIT_AUTHORIZATION = "quotegraph.connection-init-authorization";

    @Inject
    CurrentVertxRequest request;

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
                                                 MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        if (outgoing != null && outgoing.getFirst(AUTHORIZATION) != null) {
            return headers; // the call's own token (a subscriber's re-check, outside any request)
        }
        String authorization = incoming == null ? null : incoming.getFirst(AUTHORIZATION);
        if (authorization == null) {
            authorization = callerAuthorization();
        }
        if (authorization != null && !authorization.isBlank()) {
            headers.putSingle(AUTHORIZATION, authorization);
        }
        return headers;
    }

    /**
     * A subscriber's Authorization: the WebSocket upgrade request's header, else the {@code Authorization} (or
     * {@code authorization}) string of the connection_init payload, which is then remembered for everything the
     * connection's operations send to the backends. The header wins when both exist. Null when there is none, or
     * outside a request.
     *
     * @param initPayload the connection_init payload (JSON-P values, as SmallRye GraphQL keeps it), or null
     */
    public String subscriberAuthorization(Map<String, ?> initPayload) {
        RoutingContext current = currentRequest();
        if (current == null) {
            return null;
        }
        String header = current.request().getHeader(AUTHORIZATION);
        if (header != null && !header.isBlank()) {
            return header;
        }
        String fromPayload = initPayload == null ? null : text(initPayload.get(AUTHORIZATION));
        if (fromPayload == null && initPayload != null) {
            fromPayload = text(initPayload.get("authorization"));
        }
        if (fromPayload == null) {
            return current.get(CONNECTION_INIT_AUTHORIZATION);
        }
        current.put(CONNECTION_INIT_AUTHORIZATION, fromPayload);
        return fromPayload;
    }

    /** The current GraphQL request's Authorization, or null outside a request (e.g. the statement stream). */
    String callerAuthorization() {
        RoutingContext current = currentRequest();
        if (current == null) {
            return null;
        }
        String header = current.request().getHeader(AUTHORIZATION);
        return header != null ? header : current.get(CONNECTION_INIT_AUTHORIZATION);
    }

    private RoutingContext currentRequest() {
        return Arc.container().requestContext().isActive() ? request.getCurrent() : null;
    }

    private static String text(Object value) {
        String text = value instanceof JsonString json ? json.getString() : value instanceof String s ? s : null;
        return text == null || text.isBlank() ? null : text.trim();
    }
}
