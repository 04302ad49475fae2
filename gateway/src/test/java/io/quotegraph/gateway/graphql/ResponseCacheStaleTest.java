package io.quotegraph.gateway.graphql;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quotegraph.gateway.GraphQL;
import io.quotegraph.gateway.fake.FakeBackends;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stale-while-recomputing: past its maximum staleness (2 s here) an entry still answers at once during the grace (6 s
 * here, so that a busy machine does not end it in the middle of a test) while exactly one recomputation replaces it;
 * beyond the grace, or after an invalidation, a request is a miss. Refresh-ahead is off (refresh-after = max
 * staleness), so only a stale hit starts a recomputation. The backend "changes" (an article is retitled) so that old
 * and new answers can be told apart, and holds its answers while the recomputation is meant to be running.
 */
@QuarkusTest
@TestProfile(ResponseCacheStaleTest.StaleWhileRecomputing.class)
@WithTestResource(FakeBackends.class)
class ResponseCacheStaleTest {

    public static class StaleWhileRecomputing implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(ResponseCache.ENABLED, "true", ResponseCache.STALENESS, "2s",
                    ResponseCache.REFRESH_AFTER, "2s", ResponseCache.STALE_WHILE_RECOMPUTING, "6s");
        }
    }

    private static final String QUERY = "{ articles(first: 2) { edges { node { id title } } } }";
    private static final long MAX_STALENESS_MILLIS = 2_000;
    private static final long GRACE_MILLIS = 6_000;
    private static final String NEW_TITLE = "Retitled";

    @ConfigProperty(name = "quarkus.rest-client.ingest-service.url")
    String backend;

    @Inject
    ResponseCache cache;

    @Inject
    MeterRegistry registry;

    @BeforeEach
    @AfterEach
    void reset() {
        cache.invalidate();
        GraphQL.resetCounts(backend); // also releases the backend and restores its titles
    }

    @Test
    void aStaleHitAnswersAtOnceAndOneRecomputationReplacesTheEntry() throws Exception {
        String old = ResponseCacheTest.post(null, QUERY, Map.of(), null);
        assertThat(firstTitle(old)).isNotEqualTo(NEW_TITLE);
        assertThat(articleCalls()).isEqualTo(1);
        double staleBefore = counted("stale");

        Thread.sleep(MAX_STALENESS_MILLIS + 100);
        control("/__retitle?id=a5&title=" + NEW_TITLE);
        control("/__hold"); // the recomputation reads the new title and is held at the backend until released

        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(clients.submit(() -> ResponseCacheTest.post(null, QUERY, Map.of(), null)));
            }
            for (Future<String> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS))
                        .as("answered from the stale entry while its recomputation is held").isEqualTo(old);
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(counted("stale") - staleBefore).as("the 8 answers counted as stale").isEqualTo(8);
        awaitArticleCalls(2);
        assertThat(articleCalls()).as("the first miss and one recomputation, for 8 clients").isEqualTo(2);
        control("/__release");

        // the recomputation replaces the entry: the new answer is then served without another backend call
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        String answer = old;
        while (!NEW_TITLE.equals(firstTitle(answer))) {
            assertThat(System.nanoTime()).as("the recomputed answer is stored").isLessThan(deadline);
            Thread.sleep(50);
            answer = ResponseCacheTest.post(null, QUERY, Map.of(), null);
        }
        assertThat(ResponseCacheTest.post(null, QUERY, Map.of(), null)).isEqualTo(answer);
        assertThat(articleCalls()).as("the new entry answers, nothing computed again").isEqualTo(2);
    }

    @Test
    void beyondTheGraceARequestIsAMiss() throws Exception {
        String old = ResponseCacheTest.post(null, QUERY, Map.of(), null);
        control("/__retitle?id=a5&title=" + NEW_TITLE);
        double staleBefore = counted("stale");
        double missesBefore = counted("miss");

        Thread.sleep(MAX_STALENESS_MILLIS + GRACE_MILLIS + 200);
        String late = ResponseCacheTest.post(null, QUERY, Map.of(), null);
        assertThat(late).isNotEqualTo(old);
        assertThat(firstTitle(late)).isEqualTo(NEW_TITLE);
        assertThat(articleCalls()).as("computed again, while the client waited").isEqualTo(2);
        assertThat(counted("stale")).isEqualTo(staleBefore);
        assertThat(counted("miss") - missesBefore).isEqualTo(1);
    }

    @Test
    void afterAnInvalidationAStaleEntryIsAMiss() throws Exception {
        String old = ResponseCacheTest.post(null, QUERY, Map.of(), null);
        Thread.sleep(MAX_STALENESS_MILLIS + 100);
        control("/__retitle?id=a5&title=" + NEW_TITLE);
        cache.invalidate(); // what a mutation or a statement event does
        double staleBefore = counted("stale");

        String afterInvalidation = ResponseCacheTest.post(null, QUERY, Map.of(), null);
        assertThat(afterInvalidation).isNotEqualTo(old);
        assertThat(firstTitle(afterInvalidation)).isEqualTo(NEW_TITLE);
        assertThat(articleCalls()).isEqualTo(2);
        assertThat(counted("stale")).as("not served stale").isEqualTo(staleBefore);
    }

    private double counted(String result) {
        return registry.get(ResponseCache.METRIC).tag("result", result).counter().count();
    }

    private void awaitArticleCalls(int calls) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (articleCalls() < calls) {
            assertThat(System.nanoTime()).as("the recomputation reaches the backend").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static String firstTitle(String response) {
        return JsonPath.from(response).getString("data.articles.edges[0].node.title");
    }

    private int articleCalls() {
        return GraphQL.counts(backend).getOrDefault("GET /articles", 0);
    }

    private void control(String pathAndQuery) {
        given().post(backend + pathAndQuery).then().statusCode(200);
    }
}
