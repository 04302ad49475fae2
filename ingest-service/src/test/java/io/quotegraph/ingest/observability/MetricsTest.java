package io.quotegraph.ingest.observability;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.ingest.support.IngestTestResources;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.quotegraph.ingest.support.Articles.article;
import static io.quotegraph.ingest.support.Articles.create;
import static io.quotegraph.ingest.support.Articles.unique;
import static io.quotegraph.ingest.support.Eventually.await;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The Prometheus endpoint exposes the ingest, extraction and delivery meters as the real API is used. */
@QuarkusTest
@WithTestResource(IngestTestResources.class)
class MetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ARTICLES = "quotegraph_ingest_articles_total";

    private final ObjectMapper mapper = new ObjectMapper();

    @ConfigProperty(name = "quarkus.rest-client.statements-service.url")
    String statementsUrl;

    @Inject
    DeliveryBacklogMetrics backlog;

    @AfterEach
    void statementsServiceHealthy() {
        fakeStatementsAnswers(200);
    }

    @Test
    void singleArticleOutcomesAreCounted() {
        String before = scrape();
        Map<String, Object> body = article("metrics-" + unique());
        create(body);
        post(body).then().statusCode(200); // the same URL again
        Map<String, Object> noText = article("metrics-" + unique());
        noText.remove("text");
        post(noText).then().statusCode(400);

        String after = scrape();
        assertThat(delta(before, after, ARTICLES, "endpoint=\"single\"", "outcome=\"accepted\"")).isEqualTo(1);
        assertThat(delta(before, after, ARTICLES, "endpoint=\"single\"", "outcome=\"duplicate\"")).isEqualTo(1);
        assertThat(delta(before, after, ARTICLES, "endpoint=\"single\"", "outcome=\"rejected\"")).isEqualTo(1);
        assertThat(delta(before, after, ARTICLES, "endpoint=\"single\"", "outcome=\"error\"")).isZero();
    }

    @Test
    void batchLinesAreCountedOneByOne() throws Exception {
        String before = scrape();
        Map<String, Object> first = article("metrics-batch-" + unique());
        Map<String, Object> second = article("metrics-batch-" + unique());
        String ndjson = mapper.writeValueAsString(first) + "\n"
                + mapper.writeValueAsString(second) + "\n"
                + mapper.writeValueAsString(first) + "\n" // duplicate of line 1
                + "{\"url\": 42}\n";                     // rejected
        given().contentType("application/x-ndjson").body(ndjson.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/articles/batch").then().statusCode(200);

        String after = scrape();
        assertThat(delta(before, after, ARTICLES, "endpoint=\"batch\"", "outcome=\"accepted\"")).isEqualTo(2);
        assertThat(delta(before, after, ARTICLES, "endpoint=\"batch\"", "outcome=\"duplicate\"")).isEqualTo(1);
        assertThat(delta(before, after, ARTICLES, "endpoint=\"batch\"", "outcome=\"rejected\"")).isEqualTo(1);
        assertThat(delta(before, after, ARTICLES, "endpoint=\"single\"", "outcome=\"accepted\"")).isZero();
    }

    @Test
    void extractionLatencyIsTimed() {
        double before = sum(scrape(), "quotegraph_extraction_seconds_count");
        create(article("metrics-extraction-" + unique()));
        await("extraction timer", WAIT, () -> sum(scrape(), "quotegraph_extraction_seconds_count"), n -> n > before);
        assertThat(scrape()).contains("quotegraph_extraction_seconds_bucket{");
    }

    @Test
    void outageShowsAsRetriesAndBacklogThenDrains() {
        String baseline = scrape();
        double retriesBefore = sum(baseline, "quotegraph_delivery_retries_total");
        double deliveredBefore = sum(baseline, "quotegraph_delivery_delivered_total");
        fakeStatementsAnswers(503);
        create(article("metrics-outage-" + unique()));

        await("a retry", WAIT, () -> sum(scrape(), "quotegraph_delivery_retries_total"), n -> n > retriesBefore);
        backlog.refresh();
        String during = scrape();
        assertThat(sum(during, "quotegraph_delivery_backlog_articles", "status=\"FAILED\"")).isGreaterThanOrEqualTo(1);
        assertThat(during).containsPattern("(?m)^quotegraph_delivery_backlog_oldest_seconds \\d");
        // SmallRye Fault Tolerance reports the delivery client's circuit breaker and in-call retries too
        assertThat(during).contains("ft_circuitbreaker_calls_total{");

        fakeStatementsAnswers(200);
        await("delivery after the outage", WAIT, () -> sum(scrape(), "quotegraph_delivery_delivered_total"),
                n -> n > deliveredBefore);
        // the article that failed leaves the backlog (other tests' articles may still be in it: compare, not zero)
        double failedDuring = sum(during, "quotegraph_delivery_backlog_articles", "status=\"FAILED\"");
        await("backlog drained", WAIT, () -> {
            backlog.refresh();
            return sum(scrape(), "quotegraph_delivery_backlog_articles", "status=\"FAILED\"");
        }, n -> n < failedDuring);
    }

    @Test
    void connectionPoolAndHttpMetricsAreExposedButProbesAreNotCounted() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/articles?limit=1").then().statusCode(200);
        String metrics = scrape();
        assertThat(metrics).contains("agroal_active_count");
        assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/articles\"");
        assertThat(metrics).doesNotContainPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/q/");
    }

    private static io.restassured.response.Response post(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/articles");
    }

    private void fakeStatementsAnswers(int status) {
        given().body(Integer.toString(status)).post(statementsUrl + "/_control/status").then().statusCode(204);
    }

    static String scrape() {
        return given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double delta(String before, String after, String metric, String... labels) {
        return sum(after, metric, labels) - sum(before, metric, labels);
    }

    /** The sum of the samples of a metric whose labels contain every one of {@code labels}; 0 when there is none. */
    static double sum(String exposition, String metric, String... labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(metric) + "(?:\\{([^}]*)})? (\\S+)$").matcher(exposition);
        double total = 0;
        while (m.find()) {
            String found = m.group(1) == null ? "" : m.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= found.contains(label);
            }
            if (all) {
                total += Double.parseDouble(m.group(2));
            }
        }
        return total;
    }
}
