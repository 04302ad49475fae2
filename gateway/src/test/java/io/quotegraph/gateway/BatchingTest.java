package io.quotegraph.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.gateway.fake.FakeBackends;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.quotegraph.gateway.GraphQL.counts;
import static io.quotegraph.gateway.GraphQL.errors;
import static io.quotegraph.gateway.GraphQL.query;
import static org.assertj.core.api.Assertions.assertThat;

/** Nested lists make one backend call per level, however many parents there are. */
@QuarkusTest
@WithTestResource(FakeBackends.class)
class BatchingTest {

    @ConfigProperty(name = "quarkus.rest-client.statements-service.url")
    String backend;

    @BeforeEach
    void reset() {
        GraphQL.resetCounts(backend);
    }

    @Test
    void articlesStatementsSpeakerOccasionIsOneCallPerLevel() {
        JsonPath r = query("""
                { articles(first: 5) { edges { node { id
                    statements { totalCount edges { node { id kind content { text }
                      speaker { id name }
                      occasion { id title }
                      article { id } } } } } } } }""");
        assertThat(errors(r)).isEmpty();

        List<String> articleIds = r.getList("data.articles.edges.node.id");
        assertThat(articleIds).containsExactly("a5", "a4", "a3", "a2", "a1");
        assertThat(r.getList("data.articles.edges[3].node.statements.edges.node.id"))
                .containsExactly("a2:0", "a2:1", "a2:2");
        assertThat(r.getInt("data.articles.edges[3].node.statements.totalCount")).isEqualTo(3);
        String a2 = "data.articles.edges[3].node.statements.edges";
        assertThat(r.getString(a2 + "[0].node.speaker.name")).isEqualTo("Jane Doe");
        assertThat(r.getString(a2 + "[1].node.speaker.name")).isEqualTo("ACME Corp");
        assertThat(r.getMap(a2 + "[2].node")).containsEntry("speaker", null);
        assertThat(r.getString(a2 + "[0].node.occasion.title")).isEqualTo("Climate summit");
        assertThat(r.getMap(a2 + "[1].node")).containsEntry("occasion", null);
        assertThat(r.getList("data.articles.edges[3].node.statements.edges.node.article.id"))
                .containsOnly("a2");
        assertThat(r.getList("data.articles.edges[0].node.statements.edges")).isEmpty();
        assertThat(r.getString("data.articles.edges[4].node.statements.edges[0].node.content.text"))
                .isEqualTo("We will act on climate now.");

        Map<String, Integer> counts = counts(backend);
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(
                "GET /articles", 2,      // the page of articles, then Statement.article for all statements
                "GET /statements/per-parent", 1, // Article.statements: the first page of all 5 articles
                "GET /speakers", 1,      // Statement.speaker for all statements
                "GET /events", 1));      // Statement.occasion for all statements
    }

    @Test
    void nestedStatementsArePagedPerParent() {
        String q = """
                query($after: String) { articles(first: 5) { edges { node { id
                    statements(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } } } } }""";
        JsonPath p1 = query(q, Map.of());
        assertThat(errors(p1)).isEmpty();
        String a2 = "data.articles.edges[3].node.statements";
        assertThat(p1.getList(a2 + ".edges.node.id")).containsExactly("a2:0", "a2:1");
        assertThat(p1.getInt(a2 + ".totalCount")).isEqualTo(3);
        assertThat(p1.getBoolean(a2 + ".pageInfo.hasNextPage")).isTrue();
        String a1 = "data.articles.edges[4].node.statements";
        assertThat(p1.getList(a1 + ".edges.node.id")).containsExactly("a1:0", "a1:1");
        assertThat(p1.getBoolean(a1 + ".pageInfo.hasNextPage")).isFalse();

        JsonPath p2 = query(q, Map.of("after", p1.getString(a2 + ".pageInfo.endCursor")));
        assertThat(p2.getList(a2 + ".edges.node.id")).containsExactly("a2:2");
        assertThat(p2.getBoolean(a2 + ".pageInfo.hasNextPage")).isFalse();
        assertThat(p2.getList(a1 + ".edges")).isEmpty();
        // the first pages in one per-parent call, the later pages from every statement of the 5 articles in one call
        assertThat(counts(backend)).containsEntry("GET /statements/per-parent", 1).containsEntry("GET /statements", 1);
    }

    @Test
    void speakersStatementsAreOneCall() {
        JsonPath r = query("""
                { speakers { totalCount edges { node { id name statementCount
                    statements(first: 2) { totalCount edges { node { id article { id } } } } } } } }""");
        assertThat(errors(r)).isEmpty();
        assertThat(r.getList("data.speakers.edges.node.id")).containsExactly("s1", "s2", "s3");
        assertThat(r.getList("data.speakers.edges[0].node.statements.edges.node.id")).containsExactly("a4:0", "a2:0");
        assertThat(r.getInt("data.speakers.edges[0].node.statements.totalCount")).isEqualTo(3);
        assertThat(r.getList("data.speakers.edges[1].node.statements.edges.node.id")).containsExactly("a3:0", "a2:1");
        assertThat(counts(backend)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "GET /speakers", 1, "GET /statements/per-parent", 1, "GET /articles", 1));
        assertThat(GraphQL.lastQuery(backend, "GET /statements/per-parent"))
                .isEqualTo("speakerId=s1&speakerId=s2&speakerId=s3&first=2");
    }

    @Test
    void firstPagesOfDifferentSizesShareOnePerParentCallOfTheLargest() {
        JsonPath r = query("""
                { articles(first: 5) { edges { node { id
                    one: statements(first: 1) { totalCount pageInfo { hasNextPage } edges { node { id } } }
                    ...More } } }
                  speakers { edges { node { id statements { totalCount edges { node { id } } } } } } }
                fragment More on Article { two: statements(first: 3) { totalCount pageInfo { hasNextPage } edges { node { id } } } }""");
        assertThat(errors(r)).isEmpty();
        String a2 = "data.articles.edges[3].node";
        assertThat(r.getList(a2 + ".one.edges.node.id")).containsExactly("a2:0");
        assertThat(r.getInt(a2 + ".one.totalCount")).isEqualTo(3);
        assertThat(r.getBoolean(a2 + ".one.pageInfo.hasNextPage")).isTrue();
        assertThat(r.getList(a2 + ".two.edges.node.id")).containsExactly("a2:0", "a2:1", "a2:2");
        assertThat(r.getBoolean(a2 + ".two.pageInfo.hasNextPage")).isFalse();
        assertThat(r.getList("data.articles.edges[0].node.two.edges")).isEmpty();
        assertThat(r.getInt("data.articles.edges[0].node.two.totalCount")).isZero();
        assertThat(r.getList("data.speakers.edges[0].node.statements.edges.node.id")).containsExactly("a4:0", "a2:0", "a1:0");
        assertThat(r.getInt("data.speakers.edges[0].node.statements.totalCount")).isEqualTo(3);
        // one per-parent call per level (articles with first = 3 for both aliases, speakers with the default 20),
        // no list of every statement and no call per parent
        assertThat(counts(backend)).containsEntry("GET /statements/per-parent", 2).doesNotContainKey("GET /statements");
    }

    @Test
    void eventParticipantsArticlesAndStatementsAreOneCallEach() {
        JsonPath r = query("""
                { events { totalCount edges { node { id
                    participants { id name type aliases }
                    articles { id }
                    statements { totalCount edges { node { id } } } } } } }""");
        assertThat(errors(r)).isEmpty();
        assertThat(r.getList("data.events.edges.node.id")).containsExactly("e2", "e1", "e3");
        assertThat(r.getList("data.events.edges[1].node.participants.name")).containsExactly("Jane Doe", "John Roe");
        assertThat(r.getList("data.events.edges[2].node.participants.name")).containsExactly("Azerbaijan");
        assertThat(r.getList("data.events.edges[1].node.participants[0].aliases")).containsExactly("Doe", "J. Doe");
        assertThat(r.getList("data.events.edges[0].node.participants.type")).containsExactly("ORGANIZATION");
        assertThat(r.getList("data.events.edges[1].node.articles.id")).containsExactly("a1", "a2");
        assertThat(r.getList("data.events.edges[1].node.statements.edges.node.id")).containsExactly("a2:0", "a1:0", "a1:1");
        assertThat(r.getList("data.events.edges[0].node.statements.edges.node.id")).containsExactly("a3:0");
        assertThat(counts(backend)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "GET /events", 1, "GET /entities", 1, "GET /articles", 1, "GET /statements", 1));
    }

    @Test
    void articleEventsAreOneCall() {
        JsonPath r = query("{ articles { edges { node { id events { id title } } } } }");
        assertThat(errors(r)).isEmpty();
        assertThat(r.getList("data.articles.edges[2].node.events.id")).containsExactly("e2");
        assertThat(r.getList("data.articles.edges[3].node.events.id")).containsExactly("e1");
        assertThat(r.getList("data.articles.edges[0].node.events")).isEmpty();
        assertThat(counts(backend)).containsExactlyInAnyOrderEntriesOf(Map.of("GET /articles", 1, "GET /events", 1));
        // statements-service's largest page: a further page would read all the articles' events again
        assertThat(GraphQL.lastQuery(backend, "GET /events")).endsWith("&offset=0&limit=1000");
    }

    @Test
    void aliasesAndParentsWithDifferentArgumentsGetTheirOwnPages() {
        JsonPath r = query("""
                { articles(first: 5) { edges { node { id
                    one: statements(first: 1) { totalCount pageInfo { hasNextPage } edges { node { id } } }
                    two: statements(first: 3) { totalCount pageInfo { hasNextPage } edges { node { id } } }
                    rest: statements(first: 2, after: "b2Zmc2V0OjA") { edges { node { id } } } } } }
                  x: article(id: "a2") { statements(first: 1) { edges { node { id } } } }
                  y: article(id: "a1") { statements(first: 2) { edges { node { id } } } } }""");
        assertThat(errors(r)).isEmpty();
        String a2 = "data.articles.edges[3].node";
        assertThat(r.getList(a2 + ".one.edges.node.id")).containsExactly("a2:0");
        assertThat(r.getBoolean(a2 + ".one.pageInfo.hasNextPage")).isTrue();
        assertThat(r.getList(a2 + ".two.edges.node.id")).containsExactly("a2:0", "a2:1", "a2:2");
        assertThat(r.getBoolean(a2 + ".two.pageInfo.hasNextPage")).isFalse();
        assertThat(r.getInt(a2 + ".two.totalCount")).isEqualTo(3);
        assertThat(r.getList(a2 + ".rest.edges.node.id")).containsExactly("a2:1", "a2:2");
        assertThat(r.getList("data.x.statements.edges.node.id")).containsExactly("a2:0");
        assertThat(r.getList("data.y.statements.edges.node.id")).containsExactly("a1:0", "a1:1");
        // one call for the 5 articles' fields (all three aliases), at most one more for x and y
        assertThat(counts(backend).get("GET /statements")).isBetween(1, 2);
    }

    @Test
    void aSingleParentGetsItsPageFromTheBackend() {
        JsonPath r = query("""
                { article(id: "a2") { statements(first: 1, after: "b2Zmc2V0OjA") {
                    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } } }""");
        assertThat(errors(r)).isEmpty();
        assertThat(r.getList("data.article.statements.edges.node.id")).containsExactly("a2:1");
        assertThat(r.getInt("data.article.statements.totalCount")).isEqualTo(3);
        assertThat(r.getBoolean("data.article.statements.pageInfo.hasNextPage")).isTrue();
        assertThat(counts(backend)).containsEntry("GET /statements", 1);
    }
}
