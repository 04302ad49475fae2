package io.quotegraph.ingest.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.ingest.support.IngestTestResources;
import io.quotegraph.model.view.ArticleStatus;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.quotegraph.ingest.support.Articles.article;
import static io.quotegraph.ingest.support.Articles.create;
import static io.quotegraph.ingest.support.Articles.unique;
import static io.quotegraph.ingest.support.Eventually.await;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Extraction and delivery to a fake statements-service (see IngestTestResources). */
@QuarkusTest
@WithTestResource(IngestTestResources.class)
class DeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(60); // generous: the suite also runs on busy 2-core CI machines
    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @ConfigProperty(name = "quarkus.rest-client.statements-service.url")
    String statementsUrl;

    @Inject
    DeliveryService deliveryService;

    @Inject
    DeliveryWorker worker;

    @Inject
    ExtractionService extractionService;

    @Inject
    ObjectMapper applicationMapper;

    @Inject
    jakarta.persistence.EntityManager entityManager;

    @AfterEach
    void healthyAgain() throws Exception {
        fakeAnswers(200);
    }

    @Test
    void articleIsExtractedAndDeliveredWithItsMetadata() throws Exception {
        String marker = unique();
        Map<String, Object> body = article(marker);
        String id = create(body);

        awaitStatus(id, "DELIVERED");
        List<JsonNode> puts = putsFor(id);
        assertThat(puts).hasSize(1);
        JsonNode payload = puts.get(0).get("body");
        assertThat(payload.get("articleId").asText()).isEqualTo(id);
        assertThat(payload.get("url").asText()).isEqualTo("https://news.example.org/" + marker);
        assertThat(payload.get("source").asText()).isEqualTo("test-source");
        assertThat(payload.get("title").asText()).isEqualTo("Headline about " + marker);
        assertThat(payload.get("publishedAt").asText()).isEqualTo("2023-09-26T09:00:00Z");
        assertThat(payload.get("language").asText()).isEqualTo("en");
        JsonNode extraction = payload.get("extraction");
        assertThat(extraction.get("extractorVersion").asText()).isNotBlank();
        assertThat(extraction.get("statements").isArray()).isTrue();
        assertThat(extraction.get("speakers").isArray()).isTrue();

        DeliveryItem stored = deliveryService.load(UUID.fromString(id)).orElseThrow();
        assertThat(stored.status()).isEqualTo(ArticleStatus.DELIVERED);
        assertThat(mapper.readTree(stored.extractionJson())).isEqualTo(extraction);
        Object jsonType = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("SELECT jsonb_typeof(extraction) || ' ' || extractor_version FROM article WHERE id = :id")
                .setParameter("id", UUID.fromString(id))
                .getSingleResult());
        assertThat(jsonType).isEqualTo("object " + extraction.get("extractorVersion").asText());
        given().when().get("/articles/" + id).then().statusCode(200)
                .body("statusReason", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void whileStatementsServiceFailsTheArticleWaitsAndIsDeliveredWhenItRecovers() throws Exception {
        fakeAnswers(503);
        String id = create(article(unique()));

        String reason = await("article " + id + " FAILED", WAIT,
                () -> given().when().get("/articles/" + id).then().extract().jsonPath(),
                json -> "FAILED".equals(json.getString("status"))).getString("statusReason");
        assertThat(reason).contains("503");
        await("a few failed attempts", WAIT, () -> putsFor(id).size(), n -> n >= 2);
        assertThat(putsFor(id)).allSatisfy(put -> assertThat(put.get("answered").asInt()).isEqualTo(503));
        assertThat(deliveryService.load(UUID.fromString(id)).orElseThrow().attempts()).isPositive();

        fakeAnswers(200);
        awaitStatus(id, "DELIVERED");
        List<JsonNode> puts = putsFor(id);
        assertThat(puts.get(puts.size() - 1).get("answered").asInt()).isEqualTo(200);
        // every attempt sent the same payload: the extraction is stored, not redone
        assertThat(puts).extracting(put -> put.get("body")).containsOnly(puts.get(0).get("body"));
        assertThat(deliveryService.load(UUID.fromString(id)).orElseThrow().attempts()).isZero();
    }

    @Test
    void aPayloadThatStatementsServiceRejectsIsDeadLetteredNotRetried() throws Exception {
        fakeAnswers(422);
        String id = create(article(unique()));

        String reason = await("article " + id + " FAILED", WAIT,
                () -> given().when().get("/articles/" + id).then().extract().jsonPath(),
                json -> "FAILED".equals(json.getString("status"))).getString("statusReason");
        assertThat(reason).startsWith("rejected, not retried: statements-service answered 422")
                .contains("fake statements-service told to fail");
        fakeAnswers(200);
        // a retried article would be claimed again within the first backoff steps (1 s, 2 s)
        Thread.sleep(4000);
        assertThat(putsFor(id)).hasSize(1);
        given().when().get("/articles/" + id).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("FAILED"));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("quotegraph_delivery_dead_lettered_total"));

        // an operator can queue it again (after fixing statements-service)
        assertThat(deliveryService.requestRedelivery(UUID.fromString(id))).isTrue();
        awaitStatus(id, "DELIVERED");
    }

    @Test
    void redeliverySendsTheSamePayload() throws Exception {
        String id = create(article(unique()));
        awaitStatus(id, "DELIVERED");
        JsonNode first = putsFor(id).get(0).get("body");

        assertThat(deliveryService.requestRedelivery(UUID.fromString(id))).isTrue();
        await("second delivery", WAIT, () -> putsFor(id).size(), n -> n >= 2);
        awaitStatus(id, "DELIVERED");
        List<JsonNode> puts = putsFor(id);
        assertThat(puts).hasSize(2);
        assertThat(puts.get(1).get("body")).isEqualTo(first);
    }

    @Test
    void backoffDoublesUpToTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));
        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delayAfter(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(backoff.delayAfter(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(backoff.delayAfter(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.delayAfter(1000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void outcomesOfABatchAreRecordedTogether() {
        UUID delivered = UUID.fromString(create(article(unique())));
        UUID rejected = UUID.fromString(create(article(unique())));
        awaitStatus(delivered.toString(), "DELIVERED");
        awaitStatus(rejected.toString(), "DELIVERED");
        String extraction = deliveryService.load(delivered).orElseThrow().extractionJson();

        // as the worker records a batch: one article delivered with its new extraction, one rejected
        deliveryService.recordAll(List.of(
                new DeliveryService.Outcome(delivered, DeliveryService.Outcome.Kind.DELIVERED, extraction, "test-v1", null, 0),
                new DeliveryService.Outcome(rejected, DeliveryService.Outcome.Kind.REJECTED, null, null, "HTTP 422: bad", 0)));

        DeliveryItem first = deliveryService.load(delivered).orElseThrow();
        assertThat(first.status()).isEqualTo(ArticleStatus.DELIVERED);
        assertThat(first.attempts()).isZero();
        DeliveryItem second = deliveryService.load(rejected).orElseThrow();
        assertThat(second.status()).isEqualTo(ArticleStatus.FAILED);
        assertThat(second.attempts()).isEqualTo(1);
        Object[] row = (Object[]) io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("SELECT extractor_version, status_reason, next_attempt_at FROM article WHERE id = :id")
                .setParameter("id", rejected).getSingleResult());
        assertThat(row[1]).asString().startsWith("rejected, not retried: HTTP 422: bad");
        assertThat(row[2]).isNull(); // dead-lettered: never claimed again
        Object version = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("SELECT extractor_version FROM article WHERE id = :id")
                .setParameter("id", delivered).getSingleResult());
        assertThat(version).isEqualTo("test-v1");
        // both were read by the batch: the one claimed batch read lists them in the order asked
        assertThat(deliveryService.loadAll(List.of(rejected, UUID.randomUUID(), delivered)))
                .extracting(DeliveryItem::id).containsExactly(rejected, delivered);
    }

    @Test
    void aClaimedBatchGoesInOneRequestAndEachArticleGetsItsOwnOutcome() {
        List<DeliveryItem> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String marker = unique();
            items.add(new DeliveryItem(UUID.randomUUID(), ArticleStatus.PENDING, "https://news.example.org/" + marker,
                    "test-source", (i == 3 ? "reject-me " : "") + "Headline about " + marker,
                    "“We will deliver everything,” the minister " + marker + " said on Tuesday.",
                    java.time.Instant.parse("2023-09-26T09:00:00Z"), "en", null, 0));
        }
        List<DeliveryWorker.Prepared> prepared = items.stream().map(worker::prepare).toList();

        List<DeliveryService.Outcome> outcomes = worker.deliver(prepared);

        assertThat(outcomes).extracting(DeliveryService.Outcome::id)
                .containsExactlyElementsOf(items.stream().map(DeliveryItem::id).toList());
        assertThat(outcomes).extracting(DeliveryService.Outcome::kind).containsExactly(
                DeliveryService.Outcome.Kind.DELIVERED, DeliveryService.Outcome.Kind.DELIVERED,
                DeliveryService.Outcome.Kind.DELIVERED, DeliveryService.Outcome.Kind.REJECTED,
                DeliveryService.Outcome.Kind.DELIVERED);
        assertThat(outcomes.get(3).reason()).isEqualTo(
                "statements-service answered 400 for the article: articles[0].title: rejected by the fake");
        assertThat(outcomes.get(0).extractionJson()).isNotBlank(); // extracted now: recorded with the outcome
        // one request carried all five
        List<JsonNode> sent = items.stream().flatMap(item -> putsFor(item.id().toString()).stream()).toList();
        assertThat(sent).hasSize(5);
        assertThat(sent).extracting(put -> put.get("call").asInt()).containsOnly(sent.get(0).get("call").asInt());
    }

    @Test
    void aPayloadIsSentAsTheJsonOfItsArticleExtractionSerialisedOnce() throws Exception {
        List<DeliveryWorker.Prepared> prepared = new ArrayList<>();
        List<io.quotegraph.model.ArticleExtraction> expected = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String marker = unique();
            DeliveryItem item = new DeliveryItem(UUID.randomUUID(), ArticleStatus.PENDING,
                    "https://news.example.org/" + marker, i == 0 ? "test-source" : null, "Headline about " + marker,
                    "“We will deliver everything,” the minister " + marker + " said on Tuesday.",
                    java.time.Instant.parse("2023-09-26T09:00:00.123456Z"), "en", null, 0);
            DeliveryWorker.Prepared article = worker.prepare(item);
            prepared.add(article);
            expected.add(new io.quotegraph.model.ArticleExtraction(item.id().toString(), item.url(), item.source(),
                    item.title(), item.publishedAt(), item.language(), extractionService.fromJson(article.extractedJson())));
        }
        // the bytes sent are what serialising the model's payload gives (the application's mapper), field for field
        JsonNode sent = mapper.readTree(DeliveryWorker.jsonArray(prepared));
        assertThat(sent).isEqualTo(mapper.readTree(applicationMapper.writeValueAsBytes(expected)));
        assertThat(sent.get(0).get("extraction").get("statements")).isNotEmpty();
        assertThat(prepared.get(0).bytes()).isEqualTo(applicationMapper.writeValueAsBytes(expected.get(0)).length);
    }

    @Test
    void requestsAreBoundedByArticlesAndBytesInOrder() {
        List<DeliveryWorker.Prepared> articles = new ArrayList<>();
        for (long bytes : new long[]{3, 3, 3, 10, 1}) {
            articles.add(new DeliveryWorker.Prepared(UUID.randomUUID(), new byte[(int) bytes], 0, null, null, null));
        }
        List<List<DeliveryWorker.Prepared>> requests = DeliveryWorker.requests(articles, 2, 7);
        assertThat(requests).containsExactly(articles.subList(0, 2), articles.subList(2, 3), articles.subList(3, 4),
                articles.subList(4, 5));
        assertThat(DeliveryWorker.requests(articles, 50, 1 << 20)).containsExactly(articles);
    }

    private void awaitStatus(String id, String status) {
        await("article " + id + " " + status, WAIT,
                () -> given().when().get("/articles/" + id).then().extract().jsonPath().getString("status"),
                status::equals);
    }

    private void fakeAnswers(int status) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(statementsUrl + "/_control/status"))
                .POST(HttpRequest.BodyPublishers.ofString(Integer.toString(status))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(204);
    }

    private List<JsonNode> putsFor(String id) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(statementsUrl + "/_control/puts"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            List<JsonNode> puts = new ArrayList<>();
            for (JsonNode put : mapper.readTree(response.body())) {
                if (put.get("articleId").asText().equals(id)) {
                    puts.add(put);
                }
            }
            return puts;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
