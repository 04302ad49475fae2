package io.quotegraph.gateway.speaker;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.gateway.GraphQL;
import io.quotegraph.gateway.fake.FakeBackends;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.quotegraph.gateway.GraphQL.errors;
import static io.quotegraph.gateway.GraphQL.query;
import static org.assertj.core.api.Assertions.assertThat;

/** Speaker.timeline: statements and events in date order, paged by cursor, batched over a list of speakers. */
@QuarkusTest
@WithTestResource(FakeBackends.class)
class SpeakerTimelineQueriesTest {

    private static final String ENTRY = """
            cursor node { __typename date endDate granularity dateApproximate
              ... on TimelineStatement { statement { id speaker { name } occasion { id } } }
              ... on TimelineEvent { event { id title participants { name } } } }""";

    @ConfigProperty(name = "quarkus.rest-client.statements-service.url")
    String backend;

    @BeforeEach
    void reset() {
        GraphQL.resetCounts(backend);
    }

    @Test
    void statementsAndEventsInDateOrder() {
        JsonPath r = query("{ speaker(id: \"s1\") { timeline { totalCount pageInfo { hasNextPage endCursor } edges { "
                + ENTRY + " } } } }");
        assertThat(errors(r)).isEmpty();
        String t = "data.speaker.timeline";
        assertThat(r.getInt(t + ".totalCount")).isEqualTo(4);
        assertThat(r.getList(t + ".edges.node.__typename")).containsExactly("TimelineEvent", "TimelineStatement",
                "TimelineStatement", "TimelineStatement");
        // the summit first, then the two statements made at it (dated by it: a2 was published a day later), then a4
        assertThat(r.getString(t + ".edges[0].node.event.title")).isEqualTo("Climate summit");
        assertThat(r.getList(t + ".edges[0].node.event.participants.name")).containsExactly("Jane Doe", "John Roe");
        assertThat(r.getString(t + ".edges[0].node.endDate")).isEqualTo("2026-11-02");
        assertThat(r.getList(t + ".edges.node.statement.id")).containsExactly("a1:0", "a2:0", "a4:0");
        assertThat(r.getList(t + ".edges.node.date")).containsExactly("2026-11-01", "2026-11-01", "2026-11-01", "2026-11-04");
        assertThat(r.getList(t + ".edges.node.dateApproximate")).containsExactly(false, false, false, true);
        assertThat(r.getString(t + ".edges[1].node.statement.speaker.name")).isEqualTo("Jane Doe");
        assertThat(r.getString(t + ".edges[1].node.statement.occasion.id")).isEqualTo("e1");
        assertThat(r.getBoolean(t + ".pageInfo.hasNextPage")).isFalse();
        assertThat(r.getString(t + ".pageInfo.endCursor")).isEqualTo(r.getString(t + ".edges[3].cursor"));
    }

    @Test
    void pagesByCursorAndDateRange() {
        JsonPath p1 = query("{ speaker(id: \"s2\") { timeline(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { "
                + ENTRY + " } } } }");
        assertThat(errors(p1)).isEmpty();
        String t = "data.speaker.timeline";
        assertThat(p1.getInt(t + ".totalCount")).isEqualTo(3);
        assertThat(p1.getList(t + ".edges.node.__typename")).containsExactly("TimelineStatement", "TimelineEvent");
        // an event whose date is only the report's: approximate, no granularity
        assertThat(p1.getMap(t + ".edges[1].node")).containsEntry("granularity", null).containsEntry("dateApproximate", true);
        assertThat(p1.getBoolean(t + ".pageInfo.hasNextPage")).isTrue();
        JsonPath p2 = query("query($after: String) { speaker(id: \"s2\") { timeline(first: 2, after: $after) { "
                + "pageInfo { hasNextPage } edges { " + ENTRY + " } } } }", Map.of("after", p1.getString(t + ".pageInfo.endCursor")));
        assertThat(errors(p2)).isEmpty();
        assertThat(p2.getList(t + ".edges.node.statement.id")).containsExactly("a3:0");
        assertThat(p2.getBoolean(t + ".pageInfo.hasNextPage")).isFalse();

        JsonPath range = query("{ speaker(id: \"s1\") { timeline(from: \"2026-11-02\", to: \"2026-11-04\") { totalCount edges { "
                + ENTRY + " } } } }");
        assertThat(errors(range)).isEmpty();
        // the summit (2026-11-01 to 11-02) overlaps the range; the statements dated by it do not
        assertThat(range.getList(t + ".edges.node.__typename")).containsExactly("TimelineEvent", "TimelineStatement");
        assertThat(range.getInt(t + ".totalCount")).isEqualTo(2);
    }

    @Test
    void aListOfSpeakersIsOneBackendCallAndAliasesGetTheirOwnPages() {
        JsonPath r = query("""
                { speakers(first: 3) { edges { node { id
                    a: timeline(first: 1) { totalCount edges { node { date } } }
                    b: timeline(first: 2) { totalCount edges { node { date } } } } } } }""");
        assertThat(errors(r)).isEmpty();
        assertThat(r.getList("data.speakers.edges.node.id")).containsExactly("s1", "s2", "s3");
        assertThat(r.getList("data.speakers.edges.node.a.totalCount")).containsExactly(4, 3, 2);
        assertThat(r.getList("data.speakers.edges[0].node.a.edges.node.date")).containsExactly("2026-11-01");
        assertThat(r.getList("data.speakers.edges[0].node.b.edges.node.date")).containsExactly("2026-11-01", "2026-11-01");
        assertThat(r.getList("data.speakers.edges[1].node.b.edges.node.date")).containsExactly("2026-11-02", "2026-11-03");
        // one batch for the first alias, and one call per speaker for the second (its arguments differ)
        Map<String, Integer> counts = GraphQL.counts(backend);
        assertThat(counts.get("GET /speakers/timelines")).isBetween(1, 4);

        GraphQL.resetCounts(backend);
        JsonPath one = query("{ speakers(first: 3) { edges { node { timeline(first: 1) { totalCount } } } } }");
        assertThat(errors(one)).isEmpty();
        assertThat(GraphQL.counts(backend)).containsEntry("GET /speakers/timelines", 1);
    }

    @Test
    void badArgumentsAreErrors() {
        assertThat(errors(query("{ speaker(id: \"s1\") { timeline(first: 101) { totalCount } } }")))
                .anySatisfy(e -> assertThat(e).contains("first must not exceed 100"));
        assertThat(errors(query("{ speaker(id: \"s1\") { timeline(after: \"b2Zmc2V0OjM\") { totalCount } } }")))
                .anySatisfy(e -> assertThat(e).contains("not a timeline cursor"));
        assertThat(errors(query("{ speaker(id: \"s1\") { timeline(from: \"2026-11-05\", to: \"2026-11-01\") { totalCount } } }")))
                .anySatisfy(e -> assertThat(e).contains("from must not be after to"));
    }
}
