package io.quotegraph.gateway.statement;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.gateway.fake.FakeBackends;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.quotegraph.gateway.GraphQL.errors;
import static io.quotegraph.gateway.GraphQL.query;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fields of a nested statement connection are answered by the lighter fetchers when the page is at hand (no
 * SmallRye context filled per connection), with the same values; invalid arguments are reported as before. (A page that
 * must be fetched goes to SmallRye's fetcher: BatchingTest's paging tests.)
 */
@QuarkusTest
@WithTestResource(FakeBackends.class)
class StatementConnectionFetchersTest {

    @Inject
    StatementConnectionFetchers fetchers;

    @Test
    void pagesAtHandAreCutByTheLighterFetchers() {
        assertThat(fetchers.replacedFields()).isEqualTo(3);
        long[] before = fetchers.counts();

        JsonPath r = query("""
                { articles(first: 5) { edges { node { id
                    statements(first: 2) { totalCount pageInfo { hasNextPage endCursor }
                      edges { cursor node { id speaker { name } } } } } } } }""");
        assertThat(errors(r)).isEmpty();
        // a2 has three statements: the first two, and a next page
        int a2 = r.getList("data.articles.edges.node.id").indexOf("a2");
        String a2Statements = "data.articles.edges[" + a2 + "].node.statements";
        assertThat(r.getInt(a2Statements + ".totalCount")).isEqualTo(3);
        assertThat(r.getList(a2Statements + ".edges.node.id")).containsExactly("a2:0", "a2:1");
        assertThat(r.getString(a2Statements + ".edges[0].node.speaker.name")).isEqualTo("Jane Doe");
        assertThat(r.getBoolean(a2Statements + ".pageInfo.hasNextPage")).isTrue();
        String endCursor = r.getString(a2Statements + ".pageInfo.endCursor");
        assertThat(endCursor).isEqualTo(r.getString(a2Statements + ".edges[1].cursor"));

        long[] after = fetchers.counts();
        assertThat(after[0] - before[0]).as("3 fields × 5 articles answered at hand").isEqualTo(15);
        assertThat(after[1] - before[1]).as("passed to SmallRye's fetcher").isZero();

        // the next page, after the cursor
        JsonPath next = query("""
                query($after: String) { articles(first: 5) { edges { node { id
                    statements(first: 2, after: $after) { totalCount pageInfo { hasNextPage } edges { node { id } } } } } } }""",
                java.util.Map.of("after", endCursor));
        assertThat(errors(next)).isEmpty();
        String a2Next = "data.articles.edges[" + a2 + "].node.statements";
        assertThat(next.getList(a2Next + ".edges.node.id")).containsExactly("a2:2");
        assertThat(next.getBoolean(a2Next + ".pageInfo.hasNextPage")).isFalse();
    }

    @Test
    void invalidArgumentsAreReportedAsBefore() {
        JsonPath r = query("{ article(id: \"a2\") { id statements(first: 101) { totalCount } } }");
        assertThat(errors(r)).anySatisfy(e -> assertThat(e).contains("first must not exceed 100"));
        assertThat(r.getString("data.article.id")).isEqualTo("a2");
    }

    @Test
    void theTopLevelConnectionsPageIsItsOwn() {
        JsonPath r = query("{ statements(first: 2) { totalCount pageInfo { hasNextPage } edges { node { id } } } }");
        assertThat(errors(r)).isEmpty();
        List<String> ids = r.getList("data.statements.edges.node.id");
        assertThat(ids).hasSize(2);
        assertThat(r.getInt("data.statements.totalCount")).isGreaterThan(2);
        assertThat(r.getBoolean("data.statements.pageInfo.hasNextPage")).isTrue();
    }
}
