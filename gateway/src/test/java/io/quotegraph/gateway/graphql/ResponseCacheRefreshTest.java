package io.quotegraph.gateway.graphql;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quotegraph.gateway.fake.FakeBackends;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.quotegraph.gateway.graphql.RetitlingBackend.NEW_TITLE;
import static io.quotegraph.gateway.graphql.RetitlingBackend.ask;
import static io.quotegraph.gateway.graphql.RetitlingBackend.askConcurrently;
import static io.quotegraph.gateway.graphql.RetitlingBackend.awaitRetitledAnswer;
import static io.quotegraph.gateway.graphql.RetitlingBackend.firstTitle;
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
            return Map.of(ResponseCache.ENABLED, "true", ResponseCache.STALENESS, "20s",
                    ResponseCache.STALE_WHILE_RECOMPUTING, "0s", ResponseCache.REFRESH_AFTER, "1s");
        }
    }

    private static final long REFRESH_AFTER_MILLIS = 1_000;
    private static final long MAX_STALENESS_MILLIS = 20_000;

    @ConfigProperty(name = "quarkus.rest-client.ingest-service.url")
    String backendUrl;

    private RetitlingBackend backend;

    @Inject
    ResponseCache cache;

    @Inject
    RefreshProbe probe;

    @BeforeEach
    @AfterEach
    void reset() {
        probe.release();
        backend = RetitlingBackend.reset(cache, backendUrl);
    }

    @Test
    void afterTheRefreshThresholdOneRecomputationRunsAndEveryoneElseGetsTheOldAnswerAtOnce() throws Exception {
        String old = ask();
        assertThat(firstTitle(old)).isNotEqualTo(NEW_TITLE);
        assertThat(backend.articleCalls()).isEqualTo(1);

        Thread.sleep(REFRESH_AFTER_MILLIS + 100);
        backend.retitle();
        backend.hold(); // the recomputation reads the new title and is held at the backend until released

        assertThat(askConcurrently(8, 8, 30)).as("answered from the entry while its recomputation is held")
                .containsOnly(old);
        backend.awaitArticleCalls(2);
        assertThat(backend.articleCalls()).as("the first miss and one refresh, for 8 clients").isEqualTo(2);
        backend.release();

        // the refresh replaces the entry: the new answer is then served without another backend call
        String answer = awaitRetitledAnswer(old);
        assertThat(backend.articleCalls()).isEqualTo(2);
    }

    @Test
    void aRefreshStoresTheWholeAnswerAndIsItselfAnsweredEmpty() throws Exception {
        String old = ask();
        backend.retitle();
        // what startRefresh sends: the client's request, marked with the gateway's secret
        Map<String, Object> body = new HashMap<>();
        body.put("query", RetitlingBackend.QUERY);
        body.put("variables", Map.of());
        String refreshAnswer = given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .header(ResponseCache.REFRESH_HEADER, cache.refreshSecret()).body(body)
                .post("/graphql").then().statusCode(200).extract().asString();
        assertThat(refreshAnswer).as("nobody reads it: not serialised a second time").isEqualTo("{\"data\":{}}");
        assertThat(backend.articleCalls()).isEqualTo(2);

        String stored = awaitRetitledAnswer(old); // stored once its (empty) answer has been sent
        assertThat(firstTitle(stored)).as("the refresh's whole answer, from the cache").isEqualTo(NEW_TITLE);
        cache.invalidate();
        assertThat(ask()).as("byte for byte what a miss answers").isEqualTo(stored);
    }

    @Test
    void hitsAreAnsweredWhileARefreshHoldsTheThreadItExecutesOn() throws Exception {
        String old = ask();
        Thread.sleep(REFRESH_AFTER_MILLIS + 100);
        probe.holdNextRefresh();
        assertThat(ask()).isEqualTo(old); // starts the refresh
        assertThat(probe.awaitHeld(15)).as("the refresh has executed and is held where it completes").isTrue();
        assertThat(probe.lastRefreshThread()).as("not on an event loop serving clients")
                .isEqualTo(ResponseCache.REFRESH_THREAD);

        // separate connections, so spread over all the gateway's event loops (the one that received the refresh too)
        try {
            assertThat(askConcurrently(8, 16, 10)).as("hits while the refresh is held").containsOnly(old);
        } finally {
            probe.release();
        }
    }

    @Test
    void oneRefreshRunsPerGatewayAtATime() throws Exception {
        String other = "{ articles(first: 3) { edges { node { id title } } } }";
        ask();
        String otherOld = ResponseCacheTest.post(null, other, Map.of(), null);
        assertThat(backend.articleCalls()).isEqualTo(2);

        Thread.sleep(REFRESH_AFTER_MILLIS + 100);
        backend.hold();
        ask(); // starts its refresh, held at the backend
        backend.awaitArticleCalls(3);
        assertThat(ResponseCacheTest.post(null, other, Map.of(), null))
                .as("due for a refresh too, but answered from its entry").isEqualTo(otherOld);
        Thread.sleep(300);
        assertThat(backend.articleCalls()).as("no second refresh while one is in flight").isEqualTo(3);

        backend.release();
        // once the first refresh has ended, a hit on the other entry (still due) starts the other's
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (backend.articleCalls() < 4) {
            assertThat(System.nanoTime()).as("the other entry is refreshed").isLessThan(deadline);
            assertThat(ResponseCacheTest.post(null, other, Map.of(), null)).isEqualTo(otherOld);
            Thread.sleep(100);
        }
        assertThat(backend.articleCalls()).isEqualTo(4);
    }

    @Test
    void noOldAnswerIsServedAfterAnInvalidationEvenWhileARefreshOfItRuns() throws Exception {
        String old = ask();
        Thread.sleep(REFRESH_AFTER_MILLIS + 100);
        backend.hold();
        assertThat(ask()).isEqualTo(old); // starts the refresh
        backend.awaitArticleCalls(2);
        Thread.sleep(300); // the refresh has read the old data, and is held at the backend
        backend.retitle();
        cache.invalidate();
        backend.release();

        String afterInvalidation = ask();
        assertThat(firstTitle(afterInvalidation)).as("neither the dropped entry nor the refresh begun before the "
                + "invalidation answers").isEqualTo(NEW_TITLE);
        assertThat(ask()).isEqualTo(afterInvalidation);
    }

    @Test
    void noOldAnswerIsServedAfterTheMaximumStaleness() throws Exception {
        String old = ask();
        backend.retitle();
        Thread.sleep(MAX_STALENESS_MILLIS + 200);
        String late = ask();
        assertThat(late).isNotEqualTo(old);
        assertThat(firstTitle(late)).isEqualTo(NEW_TITLE);
        assertThat(backend.articleCalls()).as("computed again, not refreshed from the expired entry").isEqualTo(2);
    }

}
