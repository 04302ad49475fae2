package io.quotegraph.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A minimal JSON-over-HTTP client for talking to the running services (sample loading, end-to-end tests). It sends
 * the launcher's dev token ({@link DevTokens#launcher()}) unless made with another Authorization (or none).
 */
public final class JsonHttp {

    public record Reply(int status, String contentType, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final java.util.function.Supplier<String> authorization;

    public JsonHttp() {
        this(DevTokens::launcher);
    }

    /** @param authorization the Authorization header of every request; null or answering null: none */
    public JsonHttp(java.util.function.Supplier<String> authorization) {
        this.authorization = authorization;
    }

    public Reply get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    public Reply post(String url, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Reply postJson(String url, Object body) {
        try {
            return post(url, "application/json", JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a GraphQL query and returns its {@code data}; GraphQL errors become an exception naming them. */
    public JsonNode graphql(String gatewayUrl, String query, Map<String, Object> variables) {
        Reply reply = postJson(gatewayUrl + "/graphql", Map.of("query", query, "variables", variables));
        JsonNode errors = reply.body().path("errors");
        if (reply.status() != 200 || (errors.isArray() && !errors.isEmpty())) {
            throw new IllegalStateException("GraphQL query failed (" + reply.status() + "): " + reply.body());
        }
        return reply.body().path("data");
    }

    public static ObjectMapper mapper() {
        return JSON;
    }

    private Reply send(HttpRequest.Builder request) {
        String bearer = authorization == null ? null : authorization.get();
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        try {
            HttpResponse<String> response = client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonNode json = body == null || body.isBlank() ? JSON.nullNode() : parseOrText(body);
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), json);
        } catch (IOException e) {
            throw new UncheckedIOException("request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode parseOrText(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return JSON.getNodeFactory().textNode(body);
        }
    }
}
