package io.quotegraph.gateway.graphql;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quotegraph.gateway.GraphQL;
import io.quotegraph.gateway.fake.FakeBackends;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An entry is never served after its maximum staleness, even when nothing invalidated it. */
@QuarkusTest
@TestProfile(ResponseCacheStalenessTest.ShortLived.class)
@WithTestResource(FakeBackends.class)
class ResponseCacheStalenessTest {

    public static class ShortLived implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // no refresh-ahead (ResponseCacheRefreshTest): only the time bound ends the entry here
            return Map.of(ResponseCache.ENABLED, "true", ResponseCache.STALENESS, "2s", ResponseCache.STALE_WHILE_RECOMPUTING, "0s",
                    ResponseCache.REFRESH_AFTER, "2s");
        }
    }

    private static final String QUERY = "{ articles(first: 2) { edges { node { id title } } } }";

    @ConfigProperty(name = "quarkus.rest-client.ingest-service.url")
    String backend;

    @Test
    void anEntryExpiresAfterTheMaximumStaleness() throws InterruptedException {
        GraphQL.resetCounts(backend);
        long computed = System.nanoTime();
        String first = ResponseCacheTest.post(null, QUERY, Map.of(), null);
        String second = ResponseCacheTest.post(null, QUERY, Map.of(), null);
        boolean withinBound = System.nanoTime() - computed < 1_500_000_000L;
        assertThat(second).isEqualTo(first);
        int calls = GraphQL.counts(backend).get("GET /articles");
        // on a very slow machine the second request may itself come after the bound and be a miss
        assertThat(calls).isEqualTo(withinBound ? 1 : calls).isBetween(1, 2);

        Thread.sleep(2_100);
        assertThat(ResponseCacheTest.post(null, QUERY, Map.of(), null)).isEqualTo(first);
        assertThat(GraphQL.counts(backend)).as("asked again after 2 s").containsEntry("GET /articles", calls + 1);
    }
}
