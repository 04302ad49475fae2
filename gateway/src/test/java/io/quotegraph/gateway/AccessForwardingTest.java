package io.quotegraph.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.gateway.fake.FakeBackends;
import io.quotegraph.security.DevKeys;
import io.quotegraph.security.Roles;
import io.quotegraph.security.TokenIssuer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway passes the caller's bearer token on to the backends (mutations and reads, batched resolvers too) and
 * reports their 401/403 as "unauthorized"/"forbidden" GraphQL errors. The fake backends check tokens as the services do.
 */
@QuarkusTest
@WithTestResource(FakeBackends.class)
class AccessForwardingTest {

    private static final String INGEST = """
            mutation($input: ArticleInput!) { ingestArticle(input: $input) { id status } }""";
    private static final Map<String, Object> INPUT = Map.of("url", "https://example.org/news/access", "source", "example",
            "text", "The mayor said \"Hello.\"", "publishedAt", "2026-11-20T08:30:00Z", "language", "en");

    @ConfigProperty(name = "quarkus.rest-client.ingest-service.url")
    String backend;

    private static String token(String subject, String... roles) {
        return "Bearer " + DevKeys.issuer().issue(subject, List.of(roles), Duration.ofMinutes(5));
    }

    private static JsonPath query(String authorization, String document, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        return given().header("Authorization", authorization).contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(body).post("/graphql").then().statusCode(200).extract().jsonPath();
    }

    private Map<String, String> forwarded() {
        return given().get(backend + "/__authorizations").then().statusCode(200).extract().jsonPath()
                .getMap("", String.class, String.class);
    }

    @Test
    void mutationsForwardTheCallersToken() {
        String ingestor = token("ian", Roles.INGESTOR);
        JsonPath ok = query(ingestor, INGEST, Map.of("input", INPUT));
        assertThat(GraphQL.errors(ok)).isEmpty();
        assertThat(ok.getString("data.ingestArticle.id")).isEqualTo("new-1");
        assertThat(forwarded()).containsEntry("POST /articles", ingestor);

        String batchToken = token("ian-batch", Roles.INGESTOR);
        JsonPath batch = query(batchToken, """
                mutation($inputs: [ArticleInput!]!) { ingestArticles(inputs: $inputs) { index status } }""",
                Map.of("inputs", List.of(INPUT)));
        assertThat(GraphQL.errors(batch)).isEmpty();
        assertThat(forwarded()).containsEntry("POST /articles/batch", batchToken);

        String curator = token("carol", Roles.CURATOR);
        JsonPath merged = query(curator,
                "mutation { mergeSpeakers(targetId: \"s1\", sourceIds: [\"s3\"], curator: \"carol\") { id } }", Map.of());
        assertThat(GraphQL.errors(merged)).isEmpty();
        assertThat(forwarded()).containsEntry("POST /curation/merge", curator);
    }

    @Test
    void backendRefusalsAreUnauthorizedOrForbiddenErrors() throws Exception {
        JsonPath wrongRole = query(token("carol", Roles.CURATOR), INGEST, Map.of("input", INPUT));
        assertThat(GraphQL.errors(wrongRole)).singleElement().asString().startsWith("forbidden:");

        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String foreign = "Bearer " + new TokenIssuer(generator.generateKeyPair().getPrivate())
                .issue("ian", List.of(Roles.INGESTOR), Duration.ofMinutes(5));
        JsonPath badSignature = query(foreign, INGEST, Map.of("input", INPUT));
        assertThat(GraphQL.errors(badSignature)).singleElement().asString().startsWith("unauthorized:");

        JsonPath curation = query(token("ian", Roles.INGESTOR),
                "mutation { renameSpeaker(speakerId: \"s1\", name: \"X\", curator: \"ian\") { id } }", Map.of());
        assertThat(GraphQL.errors(curation)).singleElement().asString().startsWith("forbidden:");
    }

    @Test
    void readsForwardTheTokenToo() {
        String reader = token("reader");
        JsonPath r = query(reader, "{ statements(speakerId: \"s1\") { edges { node { id speaker { name } } } } }", Map.of());
        assertThat(GraphQL.errors(r)).isEmpty();
        assertThat(forwarded()).containsEntry("GET /statements", reader).containsEntry("GET /speakers", reader);
    }
}
