package io.quotegraph.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.gateway.fake.FakeBackends;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.quotegraph.gateway.GraphQL.errors;
import static io.quotegraph.gateway.GraphQL.query;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(FakeBackends.class)
class IngestMutationTest {

    private static final String INGEST = """
            mutation($input: ArticleInput!) { ingestArticle(input: $input) { id url source title text publishedAt language status } }""";

    @ConfigProperty(name = "quarkus.rest-client.ingest-service.url")
    String backend;

    @Test
    void passesTheInputThrough() {
        Map<String, Object> input = Map.of(
                "url", "https://example.org/news/1", "source", "example", "title", "A title",
                "text", "The mayor said \"Hello.\"", "html", "<p>The mayor said \"Hello.\"</p>",
                "publishedAt", "2026-11-20T08:30:00Z", "language", "en");
        JsonPath r = query(INGEST, Map.of("input", input));
        assertThat(errors(r)).isEmpty();
        assertThat(r.getString("data.ingestArticle.id")).isEqualTo("new-1");
        assertThat(r.getString("data.ingestArticle.status")).isEqualTo("PENDING");
        assertThat(r.getString("data.ingestArticle.publishedAt")).isEqualTo("2026-11-20T08:30:00Z");
        assertThat(r.getString("data.ingestArticle.text")).isEqualTo("The mayor said \"Hello.\"");

        Map<String, Object> sent = given().get(backend + "/__last-post").then().extract().jsonPath().getMap("");
        assertThat(sent).isEqualTo(input);
    }

    @Test
    void omitsFieldsThatWereNotGiven() {
        JsonPath r = query(INGEST, Map.of("input", Map.of("text", "Short.", "publishedAt", "2026-11-20T08:30:00Z")));
        assertThat(errors(r)).isEmpty();
        Map<String, Object> sent = given().get(backend + "/__last-post").then().extract().jsonPath().getMap("");
        assertThat(sent).isEqualTo(Map.of("text", "Short.", "publishedAt", "2026-11-20T08:30:00Z"));
    }

    @Test
    void aBackendProblemBecomesAGraphQLErrorWithItsDetail() {
        JsonPath r = query(INGEST, Map.of("input", Map.of("title", "no body", "publishedAt", "2026-11-20T08:30:00Z")));
        assertThat(errors(r)).containsExactly("an article needs text or html");
        assertThat(r.getMap("data")).isNull();
    }

    @Test
    void publishedAtIsRequiredBySchema() {
        JsonPath r = query(INGEST, Map.of("input", Map.of("text", "Some text.")));
        assertThat(errors(r)).isNotEmpty();
        assertThat(String.join(" ", errors(r))).contains("publishedAt");
    }
}
