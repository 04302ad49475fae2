package io.quotegraph.gateway.graphql;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.gateway.fake.FakeBackends;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.quotegraph.gateway.GraphQL.errors;
import static io.quotegraph.gateway.GraphQL.query;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lighter per-item fetchers are really installed: they read two of SmallRye's internal fields and fall back to
 * SmallRye's fetchers when they cannot, which would silently bring back their cost (docs/graphql-performance.md,
 * part 6) after a SmallRye upgrade.
 */
@QuarkusTest
@WithTestResource(FakeBackends.class)
class SourceBatchFetchersTest {

    @Inject
    SourceBatchFetchers fetchers;

    @Test
    void everyBatchedFieldGetsTheLighterFetcherAndStillAnswers() {
        JsonPath r = query("""
                { articles(first: 5) { edges { node { id
                    statements { edges { node { id speaker { name } article { id } } } } } } } }""");
        assertThat(errors(r)).isEmpty();
        assertThat(r.getString("data.articles.edges[3].node.statements.edges[0].node.speaker.name"))
                .isEqualTo("Jane Doe");
        assertThat(r.getList("data.articles.edges[3].node.statements.edges.node.article.id")).containsOnly("a2");

        assertThat(fetchers.replacedFields()).isGreaterThanOrEqualTo(3); // at least Statement.speaker, article, occasion
    }
}
