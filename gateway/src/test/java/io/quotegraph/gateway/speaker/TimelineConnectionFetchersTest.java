package io.quotegraph.gateway.speaker;

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
 * The fields of a timeline connection are answered by the lighter fetchers when the page is the one fetched with the
 * connection (no SmallRye context filled per connection), with the same values; invalid arguments are reported as
 * before. (Values in detail: SpeakerTimelineQueriesTest.)
 */
@QuarkusTest
@WithTestResource(FakeBackends.class)
class TimelineConnectionFetchersTest {

    @Inject
    TimelineConnectionFetchers fetchers;

    @Test
    void thePageFetchedWithTheConnectionIsCutByTheLighterFetchers() {
        assertThat(fetchers.replacedFields()).isEqualTo(3);
        long[] before = fetchers.counts();

        JsonPath r = query("""
                { speakers(first: 3) { edges { node { id
                    timeline(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { date } } } } } } }""");
        assertThat(errors(r)).isEmpty();
        assertThat(r.getList("data.speakers.edges.node.id")).containsExactly("s1", "s2", "s3");
        assertThat(r.getList("data.speakers.edges.node.timeline.totalCount")).containsExactly(4, 3, 2);
        String s1 = "data.speakers.edges[0].node.timeline";
        assertThat(r.getList(s1 + ".edges.node.date")).containsExactly("2026-11-01", "2026-11-01");
        assertThat(r.getBoolean(s1 + ".pageInfo.hasNextPage")).isTrue();
        assertThat(r.getString(s1 + ".pageInfo.endCursor")).isEqualTo(r.getString(s1 + ".edges[1].cursor"));
        assertThat(r.getBoolean("data.speakers.edges[2].node.timeline.pageInfo.hasNextPage")).isFalse();

        long[] after = fetchers.counts();
        assertThat(after[0] - before[0]).as("3 fields × 3 speakers answered at hand").isEqualTo(9);
        assertThat(after[1] - before[1]).as("passed to SmallRye's fetcher").isZero();
    }

    @Test
    void invalidArgumentsAreReportedAsBefore() {
        // refused by the timeline field itself (SpeakerApi), before a connection exists
        JsonPath r = query("{ speaker(id: \"s1\") { id timeline(first: 101) { totalCount } } }");
        assertThat(errors(r)).anySatisfy(e -> assertThat(e).contains("first must not exceed 100"));
    }
}
