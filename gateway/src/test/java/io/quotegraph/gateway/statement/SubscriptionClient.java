package io.quotegraph.gateway.statement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A GraphQL-over-WebSocket client for the subscription tests: JSON messages in, a queue of received messages out. */
final class SubscriptionClient implements WebSocket.Listener, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEEP_ALIVES = Set.of("ka", "ping", "pong");

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static SubscriptionClient open(URI http, String subprotocol) throws Exception {
        return open(http, subprotocol, null);
    }

    /** With an Authorization header on the upgrade request (null: none). */
    static SubscriptionClient open(URI http, String subprotocol, String authorization) throws Exception {
        SubscriptionClient client = new SubscriptionClient();
        URI ws = URI.create(http.toString().replaceFirst("^http", "ws"));
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols(subprotocol);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        client.socket = builder.buildAsync(ws, client).get(10, TimeUnit.SECONDS);
        return client;
    }

    void send(Map<String, Object> message) throws Exception {
        socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
    }

    /** The next message of this type, skipping keep-alives (graphql-ws "ka", graphql-transport-ws "ping"/"pong"). */
    JsonNode nextOfType(String type) throws InterruptedException {
        JsonNode message = pollOfType(type, 10_000);
        assertThat(message).as("a '" + type + "' message within 10 s").isNotNull();
        return message;
    }

    /** The next message that is not a keep-alive, whatever its type, or null after the wait. */
    JsonNode poll(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < deadline) {
            JsonNode message = received.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
            if (message != null && !KEEP_ALIVES.contains(message.get("type").asText())) {
                return message;
            }
        }
        return null;
    }

    JsonNode pollOfType(String type, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < deadline) {
            JsonNode message = received.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
            if (message != null && message.get("type").asText().equals(type)) {
                return message;
            }
            if (message != null && !KEEP_ALIVES.contains(message.get("type").asText())) {
                throw new AssertionError("unexpected message " + message);
            }
        }
        return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                received.add(JSON.readTree(partial.toString()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
