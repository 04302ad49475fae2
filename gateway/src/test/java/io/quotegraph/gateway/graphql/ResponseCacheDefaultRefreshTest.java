package io.quotegraph.gateway.graphql;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quotegraph.gateway.GraphQL;
import io.quotegraph.gateway.fake.FakeBackends;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.quotegraph.gateway.graphql.RetitlingBackend.NEW_TITLE;
import static io.quotegraph.gateway.graphql.RetitlingBackend.ask;
import static io.quotegraph.gateway.graphql.RetitlingBackend.awaitRetitledAnswer;
import static io.quotegraph.gateway.graphql.RetitlingBackend.firstTitle;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refresh-ahead on its default (refresh-after unset) with stale-while-recomputing on: an entry is recomputed once per
 * max staleness (6 s here), as late as its computation time allows, not at half of it; the answers a client gets
 * meanwhile are the old one, never older than max-staleness + the grace (the freshness contract of
 * application.properties). A retitled article tells old and new answers apart.
 */
@QuarkusTest
@TestProfile(ResponseCacheDefaultRefreshTest.DefaultRefresh.class)
@WithTestResource(FakeBackends.class)
class ResponseCacheDefaultRefreshTest {

    public static class DefaultRefresh implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(ResponseCache.ENABLED, "true", ResponseCache.STALENESS, "6s",
                    ResponseCache.STALE_WHILE_RECOMPUTING, "6s");
        }
    }

    private static final long MAX_STALENESS_MILLIS = 6_000;

    @ConfigProperty(name = "quarkus.rest-client.ingest-service.url")
    String backendUrl;

    private RetitlingBackend backend;

    @Inject
    ResponseCache cache;

    @BeforeEach
    @AfterEach
    void reset() {
        backend = RetitlingBackend.reset(cache, backendUrl);
    }

    @Test
    void pastHalfItsStalenessAnEntryIsNotRecomputedYetAndItIsOncePastIt() throws Exception {
        ask(); // warm: the entry below is stored with a short computation time, so it is due near the max staleness
        cache.invalidate();
        GraphQL.resetCounts(backendUrl);
        String old = ask();
        long storedAt = System.nanoTime();
        assertThat(backend.articleCalls()).isEqualTo(1);
        backend.retitle();

        sleepUntil(storedAt, MAX_STALENESS_MILLIS * 6 / 10); // past half the staleness (the default before)
        assertThat(ask()).isEqualTo(old);
        Thread.sleep(500);
        assertThat(backend.articleCalls()).as("no recomputation started at 60 % of the max staleness").isEqualTo(1);

        sleepUntil(storedAt, MAX_STALENESS_MILLIS + 100);
        assertThat(ask()).as("past the max staleness: the old answer while it is recomputed").isEqualTo(old);
        String answer = awaitRetitledAnswer(old);
        assertThat(firstTitle(answer)).isEqualTo(NEW_TITLE);
        assertThat(backend.articleCalls()).as("one recomputation").isEqualTo(2);
    }

    private static void sleepUntil(long start, long millis) throws InterruptedException {
        long left = millis - (System.nanoTime() - start) / 1_000_000;
        if (left > 0) {
            Thread.sleep(left);
        }
    }
}
