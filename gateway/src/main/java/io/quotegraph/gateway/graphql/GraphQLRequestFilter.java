package io.quotegraph.gateway.graphql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks the shape of a {@code POST /graphql} request before SmallRye GraphQL reads it, after the body has been read
 * within its size limit (where: {@link GraphQLRoutes}): a JSON object whose {@code query} is a string, {@code variables} and
 * {@code extensions} objects and {@code operationName} a string (each may be absent or null). Anything else is answered
 * {@code 400} with an {@code application/problem+json} body naming the problem. SmallRye would otherwise fail on some
 * of these (e.g. {@code "variables": [1, 2]}) with a 500.
 */
@ApplicationScoped
public class GraphQLRequestFilter {

    @Inject
    ObjectMapper mapper;

    void check(RoutingContext ctx) {
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            ctx.next(); // application/graphql and others: SmallRye's own handling
            return;
        }
        String problem = problem(ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes());
        if (problem == null) {
            ctx.next();
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:quotegraph:problem:malformed-body");
        body.put("title", "Malformed request body");
        body.put("status", 400);
        body.put("detail", problem);
        try {
            ctx.response().setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                    .end(mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }

    /** What is wrong with the request, or null if it has the shape of a GraphQL request. */
    private String problem(byte[] bytes) {
        JsonNode request;
        try {
            request = mapper.readTree(bytes);
        } catch (java.io.IOException e) {
            return "the body is not valid JSON: " + e.getMessage().lines().findFirst().orElse("");
        }
        if (request == null || !request.isObject()) {
            return "expected a JSON object {\"query\": …, \"variables\": {…}}";
        }
        if (!request.path("query").isTextual()) {
            return "\"query\" must be a string holding the GraphQL document";
        }
        if (!isAbsentOr(request, "variables", JsonNode::isObject)) {
            return "\"variables\" must be a JSON object";
        }
        if (!isAbsentOr(request, "extensions", JsonNode::isObject)) {
            return "\"extensions\" must be a JSON object";
        }
        if (!isAbsentOr(request, "operationName", JsonNode::isTextual)) {
            return "\"operationName\" must be a string";
        }
        return null;
    }

    private static boolean isAbsentOr(JsonNode request, String field, java.util.function.Predicate<JsonNode> shape) {
        JsonNode value = request.get(field);
        return value == null || value.isNull() || shape.test(value);
    }
}
