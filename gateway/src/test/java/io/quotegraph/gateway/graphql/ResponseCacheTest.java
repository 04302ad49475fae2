package io.quotegraph.gateway.graphql;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quotegraph.gateway.GraphQL;
import io.quotegraph.gateway.fake.FakeBackends;
import io.quotegraph.gateway.fake.FakeData;
import io.quotegraph.security.DevKeys;
import io.quotegraph.security.Roles;
import io.quotegraph.security.TokenIssuer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The response cache against the fake backends: a repeated query is answered without backend calls and with the same
 * bytes; anything in the key (variables, operation, caller) gets its own answer; mutations and stored-statement events
 * drop every entry; errors are never stored. Entries live long here so that only invalidation can drop them
 * ({@link ResponseCacheStalenessTest} checks the time bound).
 */
@QuarkusTest
@TestProfile(ResponseCacheTest.CacheOn.class)
@WithTestResource(FakeBackends.class)
class ResponseCacheTest {

    public static class CacheOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(ResponseCache.ENABLED, "true", ResponseCache.STALENESS, "10m");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final String ARTICLES = """
            query($n: Int) { articles(first: $n) { edges { node { id
                statements { totalCount edges { node { id speaker { name } } } } } } } }""";

    @ConfigProperty(name = "quarkus.rest-client.statements-service.url")
    String backend;

    @Inject
    ResponseCache cache;

    @BeforeEach
    void reset() {
        cache.invalidate(); // entries of the previous test would otherwise answer this one's first request
        GraphQL.resetCounts(backend);
    }

    @Test
    void aRepeatedQueryIsAnsweredFromTheCacheWithTheSameBody() {
        String first = post(null, ARTICLES, Map.of("n", 2), null);
        int calls = backendCalls();
        assertThat(calls).isPositive();
        assertThat(JsonPath.from(first).getList("data.articles.edges.node.id")).containsExactly("a5", "a4");

        String second = post(null, ARTICLES, Map.of("n", 2), null);
        assertThat(second).isEqualTo(first);
        assertThat(backendCalls()).as("answered from the cache").isEqualTo(calls);
    }

    @Test
    void variablesAndOperationNameArePartOfTheKey() {
        String two = post(null, ARTICLES, Map.of("n", 2), null);
        int afterTwo = backendCalls();
        String three = post(null, ARTICLES, Map.of("n", 3), null);
        assertThat(backendCalls()).isGreaterThan(afterTwo);
        assertThat(JsonPath.from(two).getList("data.articles.edges.node.id")).hasSize(2);
        assertThat(JsonPath.from(three).getList("data.articles.edges.node.id")).containsExactly("a5", "a4", "a3");

        String document = "query One { articles(first: 1) { edges { node { id } } } } "
                + "query Two { articles(first: 2) { edges { node { id } } } }";
        String one = post(null, document, Map.of(), "One");
        String other = post(null, document, Map.of(), "Two");
        assertThat(JsonPath.from(one).getList("data.articles.edges.node.id")).containsExactly("a5");
        assertThat(JsonPath.from(other).getList("data.articles.edges.node.id")).containsExactly("a5", "a4");
    }

    @Test
    void eachCallerGetsItsOwnAnswerAndAnUnauthorisedOneIsNeverServedACachedAnswer() throws Exception {
        String reader = "Bearer " + DevKeys.issuer().issue("reader", List.of(), Duration.ofMinutes(5));
        String allowed = post(reader, ARTICLES, Map.of("n", 1), null);
        assertThat(GraphQL.errors(JsonPath.from(allowed))).isEmpty();
        int calls = backendCalls();

        // a token the backends reject: the same request body must not get the reader's cached answer
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String foreign = "Bearer " + new TokenIssuer(generator.generateKeyPair().getPrivate())
                .issue("reader", List.of(Roles.CURATOR), Duration.ofMinutes(5));
        String refused = post(foreign, ARTICLES, Map.of("n", 1), null);
        assertThat(GraphQL.errors(JsonPath.from(refused))).isNotEmpty().allMatch(m -> m.startsWith("unauthorized:"));
        assertThat(backendCalls()).isGreaterThan(calls);

        // errors are not stored: the refused caller goes to the backends again
        int afterRefusal = backendCalls();
        String refusedAgain = post(foreign, ARTICLES, Map.of("n", 1), null);
        assertThat(GraphQL.errors(JsonPath.from(refusedAgain))).isNotEmpty();
        assertThat(backendCalls()).isGreaterThan(afterRefusal);

        // no token at all is another caller too
        int beforeAnonymous = backendCalls();
        post(null, ARTICLES, Map.of("n", 1), null);
        assertThat(backendCalls()).isGreaterThan(beforeAnonymous);

        // and the reader's own answer is still cached
        int beforeReader = backendCalls();
        assertThat(post(reader, ARTICLES, Map.of("n", 1), null)).isEqualTo(allowed);
        assertThat(backendCalls()).isEqualTo(beforeReader);
    }

    @Test
    void aMutationDropsEveryEntry() {
        post(null, ARTICLES, Map.of("n", 2), null);
        post(null, ARTICLES, Map.of("n", 2), null);
        int cached = backendCalls();

        String mutation = """
                mutation($input: ArticleInput!) { ingestArticle(input: $input) { id } }""";
        String ingested = post(null, mutation, Map.of("input", Map.of("url", "https://example.org/news/cache",
                "source", "example", "text", "The mayor said \"Hello.\"", "publishedAt", "2026-11-20T08:30:00Z",
                "language", "en")), null);
        assertThat(GraphQL.errors(JsonPath.from(ingested))).isEmpty();
        int afterMutation = backendCalls();
        assertThat(afterMutation).as("the mutation itself calls ingest-service").isEqualTo(cached + 1);

        post(null, ARTICLES, Map.of("n", 2), null);
        assertThat(backendCalls()).as("the query runs again after the mutation").isGreaterThan(afterMutation);
        // a mutation is never served from the cache either
        int beforeRepeat = backendCalls();
        post(null, mutation, Map.of("input", Map.of("url", "https://example.org/news/cache", "source", "example",
                "text", "The mayor said \"Hello.\"", "publishedAt", "2026-11-20T08:30:00Z", "language", "en")), null);
        assertThat(backendCalls()).isEqualTo(beforeRepeat + 1);
    }

    @Test
    void aStoredStatementEventDropsEveryEntry() throws Exception {
        post(null, ARTICLES, Map.of("n", 2), null);
        int cached = backendCalls();
        post(null, ARTICLES, Map.of("n", 2), null);
        assertThat(backendCalls()).isEqualTo(cached);

        // the cache holds the gateway's one upstream stream open from startup
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (publish() == 0) {
            assertThat(System.nanoTime()).as("the gateway opens the event stream").isLessThan(deadline);
            Thread.sleep(50);
        }
        // the event arrives asynchronously: query until the backends are asked again (entries otherwise live 10 min)
        while (true) {
            int before = backendCalls();
            post(null, ARTICLES, Map.of("n", 2), null);
            if (backendCalls() > before) {
                break;
            }
            assertThat(System.nanoTime()).as("the event invalidates the cache").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void otherContentTypesAndMalformedBodiesAreNotCached() {
        for (int i = 0; i < 2; i++) {
            given().contentType("application/graphql").accept(ContentType.JSON)
                    .body("{ articles(first: 1) { edges { node { id } } } }".getBytes(StandardCharsets.UTF_8))
                    .post("/graphql")
                    .then().statusCode(200);
        }
        assertThat(GraphQL.counts(backend)).containsEntry("GET /articles", 2);
        given().contentType(ContentType.JSON).body("{\"query\": 1}").post("/graphql").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"query\": 1}").post("/graphql").then().statusCode(400);
    }

    private int publish() throws Exception {
        return given().contentType(ContentType.JSON).body(JSON.writeValueAsString(FakeData.STATEMENTS.get(0)))
                .post(backend + "/__publish").then().statusCode(200).extract().jsonPath().getInt("streams");
    }

    /** Calls of both fake backends (one server) since the reset, the event stream left out. */
    private int backendCalls() {
        Map<String, Integer> counts = new HashMap<>(GraphQL.counts(backend));
        counts.remove("GET /statements/stream");
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The raw response body of a POST /graphql (200). */
    static String post(String authorization, String document, Map<String, Object> variables, String operationName) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        if (operationName != null) {
            body.put("operationName", operationName);
        }
        RequestSpecification request = given().contentType(ContentType.JSON).accept(ContentType.JSON);
        if (authorization != null) {
            request = request.header("Authorization", authorization);
        }
        return request.body(body).post("/graphql").then().statusCode(200).extract().asString();
    }
}
