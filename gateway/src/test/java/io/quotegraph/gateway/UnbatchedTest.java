package io.quotegraph.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quotegraph.gateway.client.Batching;
import io.quotegraph.gateway.fake.FakeBackends;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.quotegraph.gateway.GraphQL.counts;
import static io.quotegraph.gateway.GraphQL.errors;
import static io.quotegraph.gateway.GraphQL.query;
import static org.assertj.core.api.Assertions.assertThat;

/** With batching off (the benchmark's baseline) the same answers cost one backend call per source item. */
@QuarkusTest
@TestProfile(UnbatchedTest.BatchingOff.class)
@WithTestResource(FakeBackends.class)
class UnbatchedTest {

    public static class BatchingOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(Batching.PROPERTY, "false");
        }
    }

    @ConfigProperty(name = "quarkus.rest-client.statements-service.url")
    String backend;

    @Test
    void eachSourceItemIsItsOwnCall() {
        GraphQL.resetCounts(backend);
        JsonPath r = query("""
                { articles(first: 5) { edges { node { id
                    statements { totalCount edges { node { id speaker { name } occasion { title } article { id } } } } } } } }""");
        assertThat(errors(r)).isEmpty();
        assertThat(r.getList("data.articles.edges[3].node.statements.edges.node.id")).containsExactly("a2:0", "a2:1", "a2:2");
        assertThat(r.getString("data.articles.edges[3].node.statements.edges[1].node.speaker.name")).isEqualTo("ACME Corp");
        // 5 articles with 7 statements: 6 with a speaker, 4 with an occasion
        assertThat(counts(backend)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "GET /articles", 1 + 7, "GET /statements/per-parent", 5, "GET /speakers", 6, "GET /events", 4));
    }
}
