package io.quotegraph.gateway.statement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quotegraph.gateway.GraphQL;
import io.quotegraph.gateway.fake.FakeBackends;
import io.quotegraph.gateway.fake.FakeData;
import io.quotegraph.model.view.StatementView;
import io.quotegraph.security.DevKeys;
import io.quotegraph.security.Roles;
import io.quotegraph.security.TokenIssuer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With protected reads on the backend side (the fake statements-service refuses any request without a valid token,
 * the event stream included), statementAdded still works: the gateway opens the stream with its own service token,
 * and a reconnect after that token expired carries a fresh one. Subscribers must still be allowed to read: the
 * gateway asks statements-service with their token (the WebSocket upgrade's Authorization header, else the
 * connection_init payload's) before it streams to them and again after that token expired; a refused subscriber
 * receives the error, then complete. The service tokens live 4 s here; subscribers' tokens are checked again 1 s after
 * they expire.
 */
@QuarkusTest
@TestProfile(StatementStreamAccessTest.ShortLivedServiceTokens.class)
@WithTestResource(value = FakeBackends.class, initArgs = @ResourceArg(name = FakeBackends.PROTECT_READS, value = "true"))
class StatementStreamAccessTest {

    public static class ShortLivedServiceTokens implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // subscribers' tokens are checked again 1 s after they expire (the fake verifies exp without leeway)
            return Map.of("quotegraph.auth.service-token.ttl", "4s",
                    "quotegraph.gateway.subscription.expiry-recheck-delay", "1s");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final String SUBSCRIBE = "subscription { statementAdded { id content { text } } }";
    private static final String SUBSCRIBE_WITH_SPEAKER = "subscription { statementAdded { id speaker { id name } } }";

    @TestHTTPResource("/graphql")
    URI graphql;

    @ConfigProperty(name = "quarkus.rest-client.statements-service.url")
    String backend;

    @Test
    void theBackendRefusesCallsWithoutAToken() {
        // the fake really protects reads: a query without a caller token is refused...
        assertThat(GraphQL.errors(GraphQL.query("{ statements { edges { node { id } } } }")))
                .singleElement().asString().startsWith("unauthorized:");
        // ...and so is a stream request without one
        given().get(backend + "/statements/stream").then().statusCode(401);
    }

    @Test
    void aMutationNeedsTheCallersTokenWithItsRole() {
        // the gateway authenticates nobody itself (lazily, quarkus.http.auth.proactive=false): the backend decides
        String ingest = "mutation($input: ArticleInput!) { ingestArticle(input: $input) { id } }";
        Map<String, Object> input = Map.of("input", Map.of("url", "https://example.org/news/needs-token",
                "source", "example", "text", "The mayor said \"Hello.\"", "publishedAt", "2026-11-20T08:30:00Z",
                "language", "en"));
        assertThat(GraphQL.errors(GraphQL.query(ingest, input))).as("no token")
                .singleElement().asString().startsWith("unauthorized:");
        String curator = "Bearer " + DevKeys.issuer().issue("carol", List.of(Roles.CURATOR), Duration.ofMinutes(5));
        assertThat(GraphQL.errors(mutate(curator, ingest, input))).as("a token without the role")
                .singleElement().asString().startsWith("forbidden:");
        String ingestor = "Bearer " + DevKeys.issuer().issue("ian", List.of(Roles.INGESTOR), Duration.ofMinutes(5));
        JsonPath accepted = mutate(ingestor, ingest, input);
        assertThat(GraphQL.errors(accepted)).isEmpty();
        assertThat(accepted.getString("data.ingestArticle.id")).isNotBlank();
    }

    private static JsonPath mutate(String authorization, String document, Map<String, Object> variables) {
        return given().header("Authorization", authorization).contentType(ContentType.JSON)
                .body(Map.of("query", document, "variables", variables)).post("/graphql")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theStreamCarriesTheGatewaysTokenAndStatementsReachTheSubscriber() throws Exception {
        StatementView statement = FakeData.STATEMENTS.get(0);
        int earlier = streamConnections().size();
        try (SubscriptionClient client = subscribe()) {
            JsonNode added = deliver(client, statement);
            assertThat(added.get("id").asText()).isEqualTo(statement.id());
            assertThat(added.at("/content/text").asText()).isEqualTo(statement.content().text());
        }
        List<Map<String, Object>> all = streamConnections();
        List<Map<String, Object>> connections = all.subList(earlier, all.size());
        assertThat(connections).isNotEmpty().allSatisfy(c -> assertThat(c.get("status")).isEqualTo(200));
        JwtClaims claims = signedClaims((String) connections.get(connections.size() - 1).get("authorization"));
        assertThat(claims.getSubject()).isEqualTo("gateway");
        assertThat(claims.getStringListClaimValue("groups")).as("reads need no role").isEmpty();
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()).isEqualTo(4);
    }

    @Test
    void aReconnectAfterTheTokenExpiredCarriesAFreshOne() throws Exception {
        int earlier = streamConnections().size();
        try (SubscriptionClient client = subscribe()) {
            deliver(client, FakeData.STATEMENTS.get(1));
            List<Map<String, Object>> before = streamConnections();
            String first = (String) before.get(before.size() - 1).get("authorization");
            long expiry = signedClaims(first).getExpirationTime().getValue();
            while (System.currentTimeMillis() / 1000 < expiry) {
                Thread.sleep(100);
            }
            assertThatThrownBy(() -> verify(first)).as("the first token has expired").isInstanceOf(InvalidJwtException.class);

            given().post(backend + "/__close-streams").then().statusCode(200);
            // the same subscription goes on over the new connection
            StatementView later = FakeData.STATEMENTS.get(2);
            assertThat(deliver(client, later).get("id").asText()).isEqualTo(later.id());

            List<Map<String, Object>> all = streamConnections();
            List<Map<String, Object>> after = all.subList(earlier, all.size());
            assertThat(all.size()).isGreaterThan(before.size());
            assertThat(after).as("no connection was refused: the stale token was never sent")
                    .allSatisfy(c -> assertThat(c.get("status")).isEqualTo(200));
            String renewed = (String) after.get(after.size() - 1).get("authorization");
            assertThat(renewed).isNotEqualTo(first);
            JwtClaims renewedClaims = signedClaims(renewed);
            assertThat(renewedClaims.getSubject()).isEqualTo("gateway");
            assertThat(renewedClaims.getExpirationTime().getValue()).as("issued after the first one expired")
                    .isGreaterThan(expiry);
        }
    }

    @Test
    void subscribersWithoutAReadingTokenAreToldWhyAndGetNoStatements() throws Exception {
        try (SubscriptionClient anonymous = subscribe(null);
             SubscriptionClient forged = subscribe(foreignToken());
             SubscriptionClient reader = subscribe()) {
            StatementView statement = FakeData.STATEMENTS.get(3);
            assertThat(deliver(reader, statement).get("id").asText()).isEqualTo(statement.id());
            for (SubscriptionClient refused : List.of(anonymous, forged)) {
                assertRefused(refused, "next");
                publish(statement);
                JsonNode message = refused.poll(1_000);
                assertThat(message == null ? "" : message.toString()).as("what a refused subscriber receives later")
                        .doesNotContain(statement.id()).doesNotContain(statement.content().text());
            }
        }
    }

    @Test
    void aRefusedSubscriberIsToldWhyOverTheLegacyGraphqlWsProtocolToo() throws Exception {
        try (SubscriptionClient client = SubscriptionClient.open(graphql, "graphql-ws", null)) {
            client.send(Map.of("type", "connection_init"));
            assertThat(client.nextOfType("connection_ack")).isNotNull();
            client.send(Map.of("id", "1", "type", "start", "payload", Map.of("query", SUBSCRIBE)));
            assertRefused(client, "data");
        }
    }

    @Test
    void aTokenInTheConnectionInitPayloadIsUsedForTheCheckAndTheNestedFields() throws Exception {
        for (String key : List.of("Authorization", "authorization")) {
            String token = readerToken("reader-" + key); // one subject per case: the fake keeps the last header per path
            try (SubscriptionClient client = subscribe(null, Map.of(key, token), SUBSCRIBE_WITH_SPEAKER)) {
                StatementView statement = FakeData.STATEMENTS.stream().filter(s -> s.speakerId() != null).findFirst().orElseThrow();
                JsonNode next = deliverMessage(client, statement);
                assertThat(next.at("/payload/errors").isMissingNode()).as(key + ": no errors in " + next).isTrue();
                JsonNode added = next.at("/payload/data/statementAdded");
                assertThat(added.get("id").asText()).isEqualTo(statement.id());
                // the speaker is looked up per statement with the subscriber's token: else the fake answers 401
                assertThat(added.at("/speaker/id").asText()).isEqualTo(statement.speakerId());
                assertThat(authorizations()).as(key + ": the read check and the speaker lookup carried the payload's token")
                        .containsEntry("GET /statements", token).containsEntry("GET /speakers", token);
            }
        }
    }

    @Test
    void aForgedTokenInTheConnectionInitPayloadIsRefused() throws Exception {
        try (SubscriptionClient client = subscribe(null, Map.of("Authorization", foreignToken()), SUBSCRIBE)) {
            assertRefused(client, "next");
        }
    }

    @Test
    void theUpgradeHeaderWinsOverTheConnectionInitPayload() throws Exception {
        try (SubscriptionClient validHeader = subscribe(readerToken(), Map.of("Authorization", foreignToken()), SUBSCRIBE)) {
            StatementView statement = FakeData.STATEMENTS.get(4);
            assertThat(deliver(validHeader, statement).get("id").asText()).isEqualTo(statement.id());
        }
        try (SubscriptionClient forgedHeader = subscribe(foreignToken(), Map.of("Authorization", readerToken()), SUBSCRIBE)) {
            assertRefused(forgedHeader, "next");
        }
    }

    @Test
    void aSubscriptionEndsWithAnErrorOnceItsTokenExpires() throws Exception {
        // long enough to subscribe and receive a statement on a slow machine; nothing below depends on how long it takes
        String shortLived = "Bearer " + DevKeys.issuer().issue("reader", List.of(), Duration.ofSeconds(20));
        long expiry = signedClaims(shortLived).getExpirationTime().getValue();
        try (SubscriptionClient client = subscribe(null, Map.of("Authorization", shortLived), SUBSCRIBE)) {
            StatementView statement = FakeData.STATEMENTS.get(5);
            assertThat(deliver(client, statement).get("id").asText()).isEqualTo(statement.id());

            JsonNode result = client.pollOfType("next", TimeUnit.SECONDS.toMillis(Math.max(0, expiry - now()) + 60));
            assertThat(result).as("the re-check after the token's expiry ends the subscription").isNotNull();
            assertThat(now()).as("not before the token expired").isGreaterThanOrEqualTo(expiry);
            assertRefusal(client, result);
        }
    }

    /**
     * A refused subscriber's messages: a result (type {@code next}, or {@code data} in graphql-ws) whose payload holds
     * no statement and an {@code unauthorized:} error saying where the token goes, then {@code complete}.
     */
    private static void assertRefused(SubscriptionClient client, String resultType) throws InterruptedException {
        assertRefusal(client, client.nextOfType(resultType));
    }

    private static void assertRefusal(SubscriptionClient client, JsonNode result) throws InterruptedException {
        assertThat(result.get("id").asText()).isEqualTo("1");
        assertThat(result.at("/payload/data/statementAdded").isNull()).as("a null statement in " + result).isTrue();
        assertThat(result.at("/payload/errors")).as("errors in " + result).hasSize(1);
        assertThat(result.at("/payload/errors/0/message").asText()).startsWith(SubscriberAccess.UNAUTHORIZED);
        assertThat(client.nextOfType("complete").get("id").asText()).isEqualTo("1");
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private static String readerToken() {
        return readerToken("reader");
    }

    private static String readerToken(String subject) {
        return "Bearer " + DevKeys.issuer().issue(subject, List.of(), Duration.ofMinutes(5));
    }

    /** A well-formed token signed by a key nobody trusts. */
    private static String foreignToken() throws Exception {
        return "Bearer " + new TokenIssuer(KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate())
                .issue("reader", List.of(), Duration.ofMinutes(5));
    }

    /** Subscribes to every statement as a reader (a valid token, no role: what protected reads ask). */
    private SubscriptionClient subscribe() throws Exception {
        return subscribe(readerToken());
    }

    /** With this Authorization header on the WebSocket upgrade request (null: none). */
    private SubscriptionClient subscribe(String authorization) throws Exception {
        return subscribe(authorization, null, SUBSCRIBE);
    }

    /** With this Authorization header on the upgrade request and this connection_init payload (null: none of either). */
    private SubscriptionClient subscribe(String authorization, Map<String, Object> initPayload, String query) throws Exception {
        SubscriptionClient client = SubscriptionClient.open(graphql, "graphql-transport-ws", authorization);
        client.send(initPayload == null ? Map.of("type", "connection_init")
                : Map.of("type", "connection_init", "payload", initPayload));
        assertThat(client.nextOfType("connection_ack")).isNotNull();
        client.send(Map.of("id", "1", "type", "subscribe", "payload", Map.of("query", query)));
        return client;
    }

    /**
     * Publishes the statement until the subscriber receives it: the gateway (re)connects upstream asynchronously, and
     * a statement published while it is not connected is missed by design.
     */
    private JsonNode deliver(SubscriptionClient client, StatementView statement) throws Exception {
        return deliverMessage(client, statement).at("/payload/data/statementAdded");
    }

    /** {@link #deliver}, answering the whole {@code next} message. */
    private JsonNode deliverMessage(SubscriptionClient client, StatementView statement) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (publish(statement) > 0) {
                JsonNode message = client.pollOfType("next", 500);
                if (message != null) {
                    return message;
                }
            } else {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("statement " + statement.id() + " never reached the subscriber");
    }

    private int publish(StatementView statement) throws Exception {
        return given().contentType(ContentType.JSON).body(JSON.writeValueAsString(statement)).post(backend + "/__publish")
                .then().statusCode(200).extract().jsonPath().getInt("streams");
    }

    /** The last Authorization header the fake backends received, per "METHOD /path". */
    private Map<String, String> authorizations() {
        return given().get(backend + "/__authorizations").then().statusCode(200).extract().jsonPath().getMap("");
    }

    private List<Map<String, Object>> streamConnections() {
        return given().get(backend + "/__stream-connections").then().statusCode(200).extract().jsonPath().getList("");
    }

    /**
     * The claims of a bearer token signed with the dev key, whatever its expiry: these tokens live 4 s, so a slow
     * machine may read them after they expired; expiry itself is checked where it matters, with {@link #verify}.
     */
    private static JwtClaims signedClaims(String authorization) throws InvalidJwtException {
        assertThat(authorization).startsWith("Bearer ");
        return new JwtConsumerBuilder().setVerificationKey(DevKeys.publicKey()).setSkipAllValidators().build()
                .processToClaims(authorization.substring("Bearer ".length()));
    }

    /** Verifies a bearer token as statements-service does (the dev public key, the default issuer, an expiry). */
    private static JwtClaims verify(String authorization) throws InvalidJwtException {
        assertThat(authorization).startsWith("Bearer ");
        return new JwtConsumerBuilder().setVerificationKey(DevKeys.publicKey())
                .setExpectedIssuer(TokenIssuer.DEFAULT_ISSUER).setRequireExpirationTime().setRequireSubject().build()
                .processToClaims(authorization.substring("Bearer ".length()));
    }
}
