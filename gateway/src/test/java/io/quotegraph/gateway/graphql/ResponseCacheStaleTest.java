package io.quotegraph.gateway.graphql;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
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

import java.net.URL;
import java.util.Map;

import static io.quotegraph.gateway.graphql.RetitlingBackend.NEW_TITLE;
import static io.quotegraph.gateway.graphql.RetitlingBackend.QUERY;
import static io.quotegraph.gateway.graphql.RetitlingBackend.ask;
import static io.quotegraph.gateway.graphql.RetitlingBackend.askConcurrently;
import static io.quotegraph.gateway.graphql.RetitlingBackend.awaitRetitledAnswer;
import static io.quotegraph.gateway.graphql.RetitlingBackend.firstTitle;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stale-while-recomputing: past its maximum staleness (2 s here) an entry still answers at once during the grace (6 s
 * here, so that a busy machine does not end it in the middle of a test) while exactly one recomputation replaces it;
 * beyond the grace, or after an invalidation, a request is a miss. Refresh-ahead is off (refresh-after = max
 * staleness), so only a stale hit starts a recomputation. The backend "changes" (an article is retitled) so that old
 * and new answers can be told apart, and holds its answers while the recomputation is meant to be running.
 * <p>
 * Over HTTPS the gateway has no plain loopback to recompute an entry with, so there an entry past its maximum staleness
 * is never served stale: the gateway also listens on HTTPS here, with a self-signed key store.
 */
@QuarkusTest
@TestProfile(ResponseCacheStaleTest.StaleWhileRecomputing.class)
@WithTestResource(FakeBackends.class)
@WithTestResource(SelfSignedKeyStore.class)
class ResponseCacheStaleTest {

    public static class StaleWhileRecomputing implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(ResponseCache.ENABLED, "true", ResponseCache.STALENESS, "2s",
                    ResponseCache.REFRESH_AFTER, "2s", ResponseCache.STALE_WHILE_RECOMPUTING, "6s");
        }
    }

    private static final long MAX_STALENESS_MILLIS = 2_000;
    private static final long GRACE_MILLIS = 6_000;

    @ConfigProperty(name = "quarkus.rest-client.ingest-service.url")
    String backendUrl;

    @TestHTTPResource(value = "/graphql", tls = true)
    URL graphqlOverTls;

    private RetitlingBackend backend;

    @Inject
    ResponseCache cache;

    @Inject
    MeterRegistry registry;

    @BeforeEach
    @AfterEach
    void reset() {
        backend = RetitlingBackend.reset(cache, backendUrl);
    }

    @Test
    void aStaleHitAnswersAtOnceAndOneRecomputationReplacesTheEntry() throws Exception {
        String old = ask();
        assertThat(firstTitle(old)).isNotEqualTo(NEW_TITLE);
        assertThat(backend.articleCalls()).isEqualTo(1);
        double staleBefore = counted("stale");

        Thread.sleep(MAX_STALENESS_MILLIS + 100);
        backend.retitle();
        backend.hold(); // the recomputation reads the new title and is held at the backend until released

        assertThat(askConcurrently(8, 8, 30)).as("answered from the stale entry while its recomputation is held")
                .containsOnly(old);
        assertThat(counted("stale") - staleBefore).as("the 8 answers counted as stale").isEqualTo(8);
        backend.awaitArticleCalls(2);
        assertThat(backend.articleCalls()).as("the first miss and one recomputation, for 8 clients").isEqualTo(2);
        backend.release();

        // the recomputation replaces the entry: the new answer is then served without another backend call
        String answer = awaitRetitledAnswer(old);
        assertThat(ask()).isEqualTo(answer);
        assertThat(backend.articleCalls()).as("the new entry answers, nothing computed again").isEqualTo(2);
    }

    @Test
    void beyondTheGraceARequestIsAMiss() throws Exception {
        String old = ask();
        backend.retitle();
        double staleBefore = counted("stale");
        double missesBefore = counted("miss");

        Thread.sleep(MAX_STALENESS_MILLIS + GRACE_MILLIS + 200);
        String late = ask();
        assertThat(late).isNotEqualTo(old);
        assertThat(firstTitle(late)).isEqualTo(NEW_TITLE);
        assertThat(backend.articleCalls()).as("computed again, while the client waited").isEqualTo(2);
        assertThat(counted("stale")).isEqualTo(staleBefore);
        assertThat(counted("miss") - missesBefore).isEqualTo(1);
    }

    @Test
    void afterAnInvalidationAStaleEntryIsAMiss() throws Exception {
        String old = ask();
        Thread.sleep(MAX_STALENESS_MILLIS + 100);
        backend.retitle();
        cache.invalidate(); // what a mutation or a statement event does
        double staleBefore = counted("stale");

        String afterInvalidation = ask();
        assertThat(afterInvalidation).isNotEqualTo(old);
        assertThat(firstTitle(afterInvalidation)).isEqualTo(NEW_TITLE);
        assertThat(backend.articleCalls()).isEqualTo(2);
        assertThat(counted("stale")).as("not served stale").isEqualTo(staleBefore);
    }

    @Test
    void withinTheGraceAStaleEntryAskedOverTlsIsComputedAgain() throws Exception {
        String old = askOverTls();
        assertThat(askOverTls()).as("a fresh entry answers over TLS too").isEqualTo(old);
        assertThat(backend.articleCalls()).isEqualTo(1);

        Thread.sleep(MAX_STALENESS_MILLIS + 100);
        backend.retitle();
        double staleBefore = counted("stale");
        double missesBefore = counted("miss");

        // where a plain-HTTP request would get the old answer at once, an HTTPS request waits for a fresh one
        String answer = askOverTls();
        assertThat(firstTitle(answer)).as("the new answer, not the stale one").isEqualTo(NEW_TITLE);
        assertThat(backend.articleCalls()).as("computed again while the client waited").isEqualTo(2);
        assertThat(counted("stale")).as("not served stale").isEqualTo(staleBefore);
        assertThat(counted("miss") - missesBefore).isEqualTo(1);
    }

    private String askOverTls() {
        return given().relaxedHTTPSValidation().baseUri(graphqlOverTls.toString())
                .contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Map.of("query", QUERY, "variables", Map.of()))
                .post().then().statusCode(200).extract().asString();
    }

    private double counted(String result) {
        return registry.get(ResponseCache.METRIC).tag("result", result).counter().count();
    }

}
