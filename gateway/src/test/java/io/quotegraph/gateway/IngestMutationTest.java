package io.quotegraph.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.gateway.fake.FakeBackends;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.List;
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

    @Test
    void ingestArticlesIsOneBatchCallWithAResultPerArticle() {
        GraphQL.resetCounts(backend);
        JsonPath r = query("""
                mutation($inputs: [ArticleInput!]!) { ingestArticles(inputs: $inputs) {
                    index status articleId reason article { id title } } }""", Map.of("inputs", List.of(
                Map.of("text", "The mayor said \"Hello.\"", "publishedAt", "2026-11-20T08:30:00Z"),
                Map.of("url", "https://reuters.example/a1", "text", "again", "publishedAt", "2026-11-01T10:00:00Z"),
                Map.of("text", "no date"))));
        // the third input misses a required field: GraphQL rejects the whole document before any call
        assertThat(errors(r)).isNotEmpty();
        assertThat(GraphQL.counts(backend)).doesNotContainKey("POST /articles/batch");

        JsonPath ok = query("""
                mutation($inputs: [ArticleInput!]!) { ingestArticles(inputs: $inputs) {
                    index status articleId reason article { id title } } }""", Map.of("inputs", List.of(
                Map.of("text", "The mayor said \"Hello.\"", "publishedAt", "2026-11-20T08:30:00Z"),
                Map.of("url", "https://reuters.example/a1", "text", "again", "publishedAt", "2026-11-01T10:00:00Z"))));
        assertThat(errors(ok)).isEmpty();
        assertThat(ok.getList("data.ingestArticles.index")).containsExactly(0, 1);
        assertThat(ok.getList("data.ingestArticles.status")).containsExactly("ACCEPTED", "DUPLICATE");
        assertThat(ok.getList("data.ingestArticles.articleId")).containsExactly("new-1", "a1");
        assertThat(ok.getString("data.ingestArticles[1].reason")).isEqualTo("same url");
        assertThat(ok.getString("data.ingestArticles[1].article.title")).isEqualTo("Summit opens");
        assertThat(GraphQL.counts(backend)).containsEntry("POST /articles/batch", 1);
        String sent = given().get(backend + "/__last-post").then().extract().asString();
        assertThat(sent.lines()).hasSize(2);
        assertThat(sent.lines().findFirst().orElseThrow()).contains("\"publishedAt\":\"2026-11-20T08:30:00Z\"");
    }

    @Test
    void ingestArticlesRejectsOversizedBatches() {
        List<Map<String, Object>> inputs = java.util.Collections.nCopies(101, Map.of("text", "x", "publishedAt", "2026-11-20T08:30:00Z"));
        JsonPath r = query("mutation($inputs: [ArticleInput!]!) { ingestArticles(inputs: $inputs) { status } }",
                Map.of("inputs", inputs));
        assertThat(errors(r)).singleElement().asString().contains("at most 100 articles");
    }
}
