package io.quotegraph.gateway.statement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Map;
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
        try (SubscriptionClient client = SubscriptionClient.open(graphql, "graphql-transport-ws")) {
            client.send(Map.of("type", "connection_init"));
            assertThat(client.nextOfType("connection_ack")).isNotNull();
            client.send(Map.of("id", "1", "type", "subscribe", "payload",
                    Map.of("query", "subscription { statementAdded(speakerId: \"s1\") " + SELECTION + " }")));

            awaitSubscribed(client, "next", janes);
            publish(acmes);
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
        try (SubscriptionClient client = SubscriptionClient.open(graphql, "graphql-ws")) {
            client.send(Map.of("type", "connection_init"));
            assertThat(client.nextOfType("connection_ack")).isNotNull();
            client.send(Map.of("id", "7", "type", "start", "payload",
                    Map.of("query", "subscription { statementAdded(entityId: \"p1\") " + SELECTION + " }")));

            awaitSubscribed(client, "data", aboutKarabakh);
            publish(other);
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

    /**
     * Publishes copies of {@code matching} (ids probe-1, probe-2, …) until one reaches the subscription, then reads up
     * to the last one published: from then on every statement published reaches it, in order. Waiting for the fake
     * backend to count an open event stream is not enough: the gateway registers the subscription (and opens its
     * upstream stream) asynchronously after the subscribe message, and the fake counts a stream the gateway has closed
     * already (the previous test's) as open until a write to it fails, so a statement published then was lost
     * (the flaky "a 'data' message within 10 s" under load).
     */
    private void awaitSubscribed(SubscriptionClient client, String type, StatementView matching) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int published = 0;
        JsonNode arrived = null;
        while (arrived == null) {
            assertThat(System.nanoTime()).as("a probe statement reaches the subscription").isLessThan(deadline);
            ObjectNode probe = JSON.valueToTree(matching);
            publish(probe.put("id", "probe-" + ++published));
            arrived = client.pollOfType(type, 200);
        }
        String last = "probe-" + published;
        while (!arrived.at("/payload/data/statementAdded/id").asText().equals(last)) {
            arrived = client.nextOfType(type);
        }
    }

    private int publish(Object statement) {
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
}
