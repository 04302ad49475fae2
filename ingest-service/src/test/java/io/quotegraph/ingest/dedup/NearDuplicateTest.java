package io.quotegraph.ingest.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.agroal.api.AgroalDataSource;
import io.quotegraph.ingest.article.repository.ArticleRepository;
import io.quotegraph.ingest.support.IngestTestResources;
import io.quotegraph.ingest.support.Resources;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.quotegraph.ingest.support.Articles.unique;
import static io.quotegraph.ingest.support.Eventually.await;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Near-duplicates end to end through the API: stored, linked, listed as also published by, never delivered. */
@QuarkusTest
@WithTestResource(IngestTestResources.class)
class NearDuplicateTest {

    @ConfigProperty(name = "quarkus.rest-client.statements-service.url")
    String statementsUrl;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRepublishedWireStoryIsLinkedToItsOriginalAndNotDeliveredAgain() throws Exception {
        String marker = unique();
        String paragraph = Resources.randomParagraph(200);
        String original = story("wire-original.txt", paragraph);
        JsonPath first = post(article("https://wire.example/" + marker, "Wire", "2024-02-06T08:00:00Z", original), 201);
        String originalId = first.getString("id");
        assertThat(first.getString("status")).isEqualTo("PENDING");
        assertThat(first.getString("duplicateOf")).isNull();

        JsonPath copy = post(article("https://daily.example/" + marker, "Daily", "2024-02-06T10:30:00Z",
                story("wire-republished.txt", paragraph)), 201);
        assertThat(copy.getString("status")).isEqualTo("DUPLICATE");
        assertThat(copy.getString("duplicateOf")).isEqualTo(originalId);
        assertThat(copy.getString("statusReason")).startsWith("a near-duplicate of article " + originalId);

        // an exact copy of the original's text under a third outlet's URL: not stored again, but linked
        JsonPath exact = post(article("https://herald.example/" + marker, "Herald", "2024-02-07T06:00:00Z", original), 200);
        assertThat(exact.getString("id")).isEqualTo(originalId);

        JsonPath stored = given().get("/articles/" + originalId).then().statusCode(200).extract().jsonPath();
        assertThat(stored.getList("alsoPublishedBy.source")).containsExactly("Daily", "Herald");
        assertThat(stored.getList("alsoPublishedBy.url"))
                .containsExactly("https://daily.example/" + marker, "https://herald.example/" + marker);
        assertThat(stored.getList("alsoPublishedBy.publishedAt"))
                .containsExactly("2024-02-06T10:30:00Z", "2024-02-07T06:00:00Z");
        assertThat(stored.getList("alsoPublishedBy.articleId")).containsExactly(copy.getString("id"), null);

        // the original is delivered once; the duplicate never is (its statements are not counted twice)
        await("the original delivered", Duration.ofSeconds(20),
                () -> given().get("/articles/" + originalId).then().extract().jsonPath().getString("status"),
                "DELIVERED"::equals);
        Thread.sleep(1500); // two worker rounds
        assertThat(given().get("/articles/" + copy.getString("id")).then().extract().jsonPath().getString("status"))
                .isEqualTo("DUPLICATE");
        assertThat(putArticleIds()).contains(originalId).doesNotContain(copy.getString("id"));
    }

    @Test
    void anotherStoryOnTheSameTopicIsAnOriginal() {
        String marker = unique();
        String paragraph = Resources.randomParagraph(200);
        JsonPath first = post(article("https://wire.example/a-" + marker, "Wire", "2024-02-06T08:00:00Z",
                story("wire-original.txt", paragraph)), 201);
        assertThat(first.getString("status")).isEqualTo("PENDING");
        JsonPath other = post(article("https://daily.example/b-" + marker, "Daily", "2024-02-08T08:00:00Z",
                story("same-topic-other-story.txt", Resources.randomParagraph(200))), 201);
        assertThat(other.getString("status")).isEqualTo("PENDING");
        assertThat(other.getString("duplicateOf")).isNull();
    }

    @Test
    void aBatchReportsANearDuplicateAsDuplicateWithItsStoredId() {
        String marker = unique();
        String paragraph = Resources.randomParagraph(200);
        String ndjson = given().contentType("application/x-ndjson")
                .body((line("https://wire.example/c-" + marker, story("wire-original.txt", paragraph)) + "\n"
                        + line("https://daily.example/c-" + marker, story("wire-republished.txt", paragraph)) + "\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/articles/batch").then().statusCode(200).extract().asString();
        List<String> lines = ndjson.lines().toList();
        assertThat(lines.get(0)).contains("\"status\":\"accepted\"");
        assertThat(lines.get(1)).contains("\"status\":\"duplicate\"").contains("a near-duplicate of article");
    }

    @Test
    void aStoryAndItsCopySentAtOnceFindEachOther() throws Exception {
        String marker = unique();
        String paragraph = Resources.randomParagraph(200);
        Map<String, Object> original = article("https://wire.example/d-" + marker, "Wire", "2024-02-06T08:00:00Z",
                story("wire-original.txt", paragraph));
        Map<String, Object> copy = article("https://daily.example/d-" + marker, "Daily", "2024-02-06T10:30:00Z",
                story("wire-republished.txt", paragraph));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection storeInFlight = dataSource.getConnection()) {
            // this transaction plays a store in flight: both requests must wait for it, then for each other
            storeInFlight.setAutoCommit(false);
            try (PreparedStatement lock = storeInFlight.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, ArticleRepository.STORING_LOCK_KEY);
                lock.execute();
            }
            Future<JsonPath> first = pool.submit(() -> post(original, 201));
            Future<JsonPath> second = pool.submit(() -> post(copy, 201));
            Thread.sleep(1000);
            assertThat(first.isDone() || second.isDone()).as("a store waits for the store in flight").isFalse();
            storeInFlight.commit();

            List<JsonPath> answers = List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
            assertThat(answers).extracting(a -> a.getString("status"))
                    .containsExactlyInAnyOrder("PENDING", "DUPLICATE");
            Map<String, JsonPath> byStatus = Map.of(answers.get(0).getString("status"), answers.get(0),
                    answers.get(1).getString("status"), answers.get(1));
            assertThat(byStatus.get("DUPLICATE").getString("duplicateOf")).isEqualTo(byStatus.get("PENDING").getString("id"));
        } finally {
            pool.shutdownNow();
        }
    }

    /** The story with a paragraph of its own, so that each test has a story unlike the other tests' copies. */
    private static String story(String resource, String paragraph) {
        return Resources.text("/dedup/" + resource) + "\n" + paragraph;
    }

    private static Map<String, Object> article(String url, String source, String publishedAt, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        body.put("source", source);
        body.put("publishedAt", publishedAt);
        body.put("text", text);
        return body;
    }

    private static String line(String url, String text) {
        try {
            return new ObjectMapper().writeValueAsString(article(url, "Batch", "2024-02-06T08:00:00Z", text));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonPath post(Map<String, Object> body, int status) {
        return given().contentType(ContentType.JSON).body(body).post("/articles")
                .then().statusCode(status).extract().jsonPath();
    }

    private List<String> putArticleIds() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(statementsUrl + "/_control/puts")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode puts = new ObjectMapper().readTree(response.body());
        return java.util.stream.StreamSupport.stream(puts.spliterator(), false)
                .map(p -> p.get("articleId").asText()).toList();
    }
}
