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
        try (SubscriptionClient client = SubscriptionClient.open(graphql, "graphql-ws")) {
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
}
