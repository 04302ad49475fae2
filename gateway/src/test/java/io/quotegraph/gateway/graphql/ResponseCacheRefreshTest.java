package io.quotegraph.gateway.graphql;

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
 * Refresh-ahead: once an entry is older than the refresh threshold (1 s here), every request is still answered from
 * it at once while exactly one background recomputation replaces it; an invalidation or the maximum staleness (20 s
 * here, so that a busy machine cannot let an entry expire in the middle of a test) ends the old answer whatever is
 * being recomputed. The backend "changes" (an article is retitled) so that old and new answers can be told apart, and
 * holds its answers while a recomputation is meant to be running.
 */
@QuarkusTest
@TestProfile(ResponseCacheRefreshTest.RefreshAhead.class)
@WithTestResource(FakeBackends.class)
class ResponseCacheRefreshTest {

    public static class RefreshAhead implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(ResponseCache.ENABLED, "true", ResponseCache.STALENESS, "20s", ResponseCache.STALE_WHILE_RECOMPUTING, "0s",
                    ResponseCache.REFRESH_AFTER, "1s");
        }
    }

    private static final String QUERY = "{ articles(first: 2) { edges { node { id title } } } }";
    private static final long REFRESH_AFTER_MILLIS = 1_000;
    private static final long MAX_STALENESS_MILLIS = 20_000;
    private static final String NEW_TITLE = "Retitled";

    @ConfigProperty(name = "quarkus.rest-client.ingest-service.url")
    String backend;

    @Inject
    ResponseCache cache;

    @Inject
    RefreshProbe probe;

    @BeforeEach
    @AfterEach
    void reset() {
        probe.release();
        cache.invalidate();
        GraphQL.resetCounts(backend); // also releases the backend and restores its titles
    }

    @Test
    void afterTheRefreshThresholdOneRecomputationRunsAndEveryoneElseGetsTheOldAnswerAtOnce() throws Exception {
        String old = ResponseCacheTest.post(null, QUERY, Map.of(), null);
        assertThat(firstTitle(old)).isNotEqualTo(NEW_TITLE);
        assertThat(articleCalls()).isEqualTo(1);

        Thread.sleep(REFRESH_AFTER_MILLIS + 100);
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
                        .as("answered from the entry while its recomputation is held").isEqualTo(old);
            }
        } finally {
            clients.shutdownNow();
        }
        awaitArticleCalls(2);
        assertThat(articleCalls()).as("the first miss and one refresh, for 8 clients").isEqualTo(2);
        control("/__release");

        // the refresh replaces the entry: the new answer is then served without another backend call
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        String answer = old;
        while (!NEW_TITLE.equals(firstTitle(answer))) {
            assertThat(System.nanoTime()).as("the refreshed answer is stored").isLessThan(deadline);
            Thread.sleep(100);
            answer = ResponseCacheTest.post(null, QUERY, Map.of(), null);
        }
        assertThat(articleCalls()).isEqualTo(2);
    }

    @Test
    void hitsAreAnsweredWhileARefreshHoldsTheThreadItExecutesOn() throws Exception {
        String old = ResponseCacheTest.post(null, QUERY, Map.of(), null);
        Thread.sleep(REFRESH_AFTER_MILLIS + 100);
        probe.holdNextRefresh();
        assertThat(ResponseCacheTest.post(null, QUERY, Map.of(), null)).isEqualTo(old); // starts the refresh
        assertThat(probe.awaitHeld(15)).as("the refresh has executed and is held where it completes").isTrue();
        assertThat(probe.lastRefreshThread()).as("not on an event loop serving clients")
                .isEqualTo(ResponseCache.REFRESH_THREAD);

        // separate connections, so spread over all the gateway's event loops (the one that received the refresh too)
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(clients.submit(() -> ResponseCacheTest.post(null, QUERY, Map.of(), null)));
            }
            for (Future<String> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS)).as("a hit while the refresh is held").isEqualTo(old);
            }
        } finally {
            probe.release();
            clients.shutdownNow();
        }
    }

    @Test
    void oneRefreshRunsPerGatewayAtATime() throws Exception {
        String other = "{ articles(first: 3) { edges { node { id title } } } }";
        ResponseCacheTest.post(null, QUERY, Map.of(), null);
        String otherOld = ResponseCacheTest.post(null, other, Map.of(), null);
        assertThat(articleCalls()).isEqualTo(2);

        Thread.sleep(REFRESH_AFTER_MILLIS + 100);
        control("/__hold");
        ResponseCacheTest.post(null, QUERY, Map.of(), null); // starts its refresh, held at the backend
        awaitArticleCalls(3);
        assertThat(ResponseCacheTest.post(null, other, Map.of(), null))
                .as("due for a refresh too, but answered from its entry").isEqualTo(otherOld);
        Thread.sleep(300);
        assertThat(articleCalls()).as("no second refresh while one is in flight").isEqualTo(3);

        control("/__release");
        // once the first refresh has ended, a hit on the other entry (still due) starts the other's
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (articleCalls() < 4) {
            assertThat(System.nanoTime()).as("the other entry is refreshed").isLessThan(deadline);
            assertThat(ResponseCacheTest.post(null, other, Map.of(), null)).isEqualTo(otherOld);
            Thread.sleep(100);
        }
        assertThat(articleCalls()).isEqualTo(4);
    }

    @Test
    void noOldAnswerIsServedAfterAnInvalidationEvenWhileARefreshOfItRuns() throws Exception {
        String old = ResponseCacheTest.post(null, QUERY, Map.of(), null);
        Thread.sleep(REFRESH_AFTER_MILLIS + 100);
        control("/__hold");
        assertThat(ResponseCacheTest.post(null, QUERY, Map.of(), null)).isEqualTo(old); // starts the refresh
        awaitArticleCalls(2);
        Thread.sleep(300); // the refresh has read the old data, and is held at the backend
        control("/__retitle?id=a5&title=" + NEW_TITLE);
        cache.invalidate();
        control("/__release");

        String afterInvalidation = ResponseCacheTest.post(null, QUERY, Map.of(), null);
        assertThat(firstTitle(afterInvalidation)).as("neither the dropped entry nor the refresh begun before the "
                + "invalidation answers").isEqualTo(NEW_TITLE);
        assertThat(ResponseCacheTest.post(null, QUERY, Map.of(), null)).isEqualTo(afterInvalidation);
    }

    @Test
    void noOldAnswerIsServedAfterTheMaximumStaleness() throws Exception {
        String old = ResponseCacheTest.post(null, QUERY, Map.of(), null);
        control("/__retitle?id=a5&title=" + NEW_TITLE);
        Thread.sleep(MAX_STALENESS_MILLIS + 200);
        String late = ResponseCacheTest.post(null, QUERY, Map.of(), null);
        assertThat(late).isNotEqualTo(old);
        assertThat(firstTitle(late)).isEqualTo(NEW_TITLE);
        assertThat(articleCalls()).as("computed again, not refreshed from the expired entry").isEqualTo(2);
    }

    private void awaitArticleCalls(int calls) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (articleCalls() < calls) {
            assertThat(System.nanoTime()).as("the refresh reaches the backend").isLessThan(deadline);
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
