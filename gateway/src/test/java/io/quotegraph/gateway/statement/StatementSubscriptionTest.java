package io.quotegraph.gateway.statement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.gateway.fake.FakeBackends;
import io.quotegraph.gateway.fake.FakeData;
import io.quotegraph.model.view.StatementView;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * statementAdded over a real WebSocket at /graphql (both sub-protocols), fed by the fake statements-service's event stream:
 * published statements arrive with their nested fields, filtered ones do not.
 */
@QuarkusTest
@WithTestResource(FakeBackends.class)
class StatementSubscriptionTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final String SELECTION = "{ id kind content { text } speaker { id name } }";

    @TestHTTPResource("/graphql")
    URI graphql;

    @ConfigProperty(name = "quarkus.rest-client.statements-service.url")
    String backend;

    @Test
    void speakerFilterOverGraphqlTransportWs() throws Exception {
        StatementView janes = statement("a2:0", "s1");
        StatementView acmes = statement("a3:0", "s2");
        try (Client client = Client.open(graphql, "graphql-transport-ws")) {
            client.send(Map.of("type", "connection_init"));
            assertThat(client.nextOfType("connection_ack")).isNotNull();
            client.send(Map.of("id", "1", "type", "subscribe", "payload",
                    Map.of("query", "subscription { statementAdded(speakerId: \"s1\") " + SELECTION + " }")));

            publishOnceConnected(acmes);
            publish(janes);

            JsonNode message = client.nextOfType("next");
            assertThat(message.get("id").asText()).isEqualTo("1");
            JsonNode added = message.at("/payload/data/statementAdded");
            assertThat(added.get("id").asText()).isEqualTo("a2:0");
            assertThat(added.at("/content/text").asText()).isEqualTo(janes.content().text());
            assertThat(added.at("/speaker/name").asText()).isEqualTo("Jane Doe");
            assertThat(client.pollOfType("next", 300)).as("ACME's statement is filtered out").isNull();
        }
    }

    @Test
    void entityFilterOverGraphqlWs() throws Exception {
        StatementView aboutKarabakh = FakeData.STATEMENTS.get(0);
        StatementView other = FakeData.STATEMENTS.get(1);
        assertThat(aboutKarabakh.aboutIds()).contains("p1");
        assertThat(other.aboutIds()).doesNotContain("p1");
        try (Client client = Client.open(graphql, "graphql-ws")) {
            client.send(Map.of("type", "connection_init"));
            assertThat(client.nextOfType("connection_ack")).isNotNull();
            client.send(Map.of("id", "7", "type", "start", "payload",
                    Map.of("query", "subscription { statementAdded(entityId: \"p1\") " + SELECTION + " }")));

            publishOnceConnected(other);
            publish(aboutKarabakh);

            JsonNode message = client.nextOfType("data");
            assertThat(message.get("id").asText()).isEqualTo("7");
            assertThat(message.at("/payload/data/statementAdded/id").asText()).isEqualTo(aboutKarabakh.id());
            assertThat(client.pollOfType("data", 300)).as("a statement not about p1 is filtered out").isNull();
        }
    }

    private static StatementView statement(String id, String speakerId) {
        StatementView s = FakeData.STATEMENTS.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        assertThat(s.speakerId()).isEqualTo(speakerId);
        return s;
    }

    /** The gateway connects upstream when the first subscriber arrives: publish until the stream is open. */
    private void publishOnceConnected(StatementView statement) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (publish(statement) == 0) {
            assertThat(System.nanoTime()).as("the gateway opens the event stream").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private int publish(StatementView statement) {
        return given().contentType(ContentType.JSON).body(toJson(statement)).post(backend + "/__publish")
                .then().statusCode(200).extract().jsonPath().getInt("streams");
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A GraphQL-over-WebSocket client: JSON messages in, a queue of received messages out. */
    private static final class Client implements WebSocket.Listener, AutoCloseable {

        private static final Set<String> KEEP_ALIVES = Set.of("ka", "ping", "pong");

        private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        static Client open(URI http, String subprotocol) throws Exception {
            Client client = new Client();
            URI ws = URI.create(http.toString().replaceFirst("^http", "ws"));
            client.socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols(subprotocol)
                    .buildAsync(ws, client).get(10, TimeUnit.SECONDS);
            return client;
        }

        void send(Map<String, Object> message) throws Exception {
            socket.sendText(toJson(message), true).get(10, TimeUnit.SECONDS);
        }

        /** The next message of this type, skipping keep-alives (graphql-ws "ka", graphql-transport-ws "ping"/"pong"). */
        JsonNode nextOfType(String type) throws InterruptedException {
            JsonNode message = pollOfType(type, 10_000);
            assertThat(message).as("a '" + type + "' message within 10 s").isNotNull();
            return message;
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
}
