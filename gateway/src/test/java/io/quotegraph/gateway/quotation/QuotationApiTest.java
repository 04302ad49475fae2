package io.quotegraph.gateway.quotation;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.gateway.GraphQL;
import io.quotegraph.gateway.fake.FakeBackends;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.quotegraph.gateway.GraphQL.counts;
import static io.quotegraph.gateway.GraphQL.errors;
import static io.quotegraph.gateway.GraphQL.query;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Statement.quotation, Statement.similar, quotation(id) and Speaker.quotations over the fake statements-service. */
@QuarkusTest
@WithTestResource(FakeBackends.class)
class QuotationApiTest {

    @ConfigProperty(name = "quarkus.rest-client.statements-service.url")
    String backend;

    @BeforeEach
    void reset() {
        GraphQL.resetCounts(backend);
    }

    @Test
    void statementsQuotationAndSimilarAreOneCallPerLevel() {
        JsonPath r = query("""
                { statements(first: 10) { edges { node { id
                    quotation { id canonicalText articleCount sourceCount firstSeen
                      occurrences { statementId content { text } article { source publishedAt } } }
                    similar { score statement { id content { text } } } } } } }""");
        assertThat(errors(r)).isEmpty();
        assertThat(r.getList("data.statements.edges.node.id"))
                .containsExactly("a4:0", "a3:0", "a2:0", "a2:1", "a2:2", "a1:0", "a1:1");
        String a1 = "data.statements.edges[5].node";
        assertThat(r.getString(a1 + ".quotation.id")).isEqualTo("q1");
        assertThat(r.getInt(a1 + ".quotation.articleCount")).isEqualTo(2);
        assertThat(r.getList(a1 + ".quotation.occurrences.article.source")).containsExactly("reuters", "bbc");
        assertThat(r.getString(a1 + ".quotation.firstSeen")).isEqualTo("2026-11-01T10:00:00Z");
        assertThat(r.getString("data.statements.edges[2].node.quotation.id")).isEqualTo("q1");
        assertThat(r.getMap("data.statements.edges[4].node")).containsEntry("quotation", null);
        assertThat(r.getList(a1 + ".similar.statement.id")).containsExactly("a4:0");
        assertThat(r.getDouble(a1 + ".similar[0].score")).isEqualTo(0.42);
        assertThat(r.getList("data.statements.edges[1].node.similar")).isEmpty();

        assertThat(counts(backend)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "GET /statements", 1,          // the page
                "GET /quotations", 1,          // Statement.quotation for all statements
                "GET /similar-statements", 1,  // Statement.similar for all statements
                "GET /articles", 1));          // QuotationOccurrence.article for all occurrences
    }

    @Test
    void schemaHasTheQuotationNames() {
        String sdl = given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        assertThat(sdl).contains("type Quotation {", "type QuotationOccurrence {", "type SimilarStatement {",
                "type QuotationConnection {", "enum QuotationOrder {", "quotation(id: ID!): Quotation",
                "quotation: Quotation", "similar: [SimilarStatement!]!", "canonicalText: String!",
                "occurrences: [QuotationOccurrence!]!",
                "quotations(after: String, first: Int, orderBy: QuotationOrder = REACH): QuotationConnection!");
    }

    @Test
    void quotationById() {
        JsonPath r = query("""
                { quotation(id: "q1") { canonicalText firstSeen occurrences { article { source publishedAt } } }
                  missing: quotation(id: "nope") { id } }""");
        assertThat(errors(r)).isEmpty();
        assertThat(r.getString("data.quotation.canonicalText")).isEqualTo("We will act on climate now.");
        assertThat(r.getList("data.quotation.occurrences.article.publishedAt"))
                .containsExactly("2026-11-01T10:00:00Z", "2026-11-02T10:00:00Z");
        assertThat(r.getMap("data")).containsEntry("missing", null);
    }

    @Test
    void speakerQuotationsAreOrderedByReachOrFirstSeenAndPaged() {
        JsonPath r = query("""
                { speaker(id: "s1") {
                    byReach: quotations { totalCount edges { node { id articleCount } } }
                    newest: quotations(orderBy: FIRST_SEEN, first: 1) { totalCount pageInfo { hasNextPage endCursor }
                      edges { node { id } } } } }""");
        assertThat(errors(r)).isEmpty();
        assertThat(r.getList("data.speaker.byReach.edges.node.id")).containsExactly("q1", "q2");
        assertThat(r.getInt("data.speaker.byReach.totalCount")).isEqualTo(2);
        assertThat(r.getList("data.speaker.newest.edges.node.id")).containsExactly("q2");
        assertThat(r.getBoolean("data.speaker.newest.pageInfo.hasNextPage")).isTrue();

        JsonPath next = query("""
                query($after: String) { speaker(id: "s1") { quotations(orderBy: FIRST_SEEN, first: 1, after: $after) {
                  edges { node { id } } } } }""", Map.of("after", r.getString("data.speaker.newest.pageInfo.endCursor")));
        assertThat(next.getList("data.speaker.quotations.edges.node.id")).containsExactly("q1");
        assertThat(errors(query("{ speaker(id: \"s1\") { quotations(first: 1000) { totalCount } } }"))).isNotEmpty();
    }
}
