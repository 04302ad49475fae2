package io.quotegraph.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.gateway.fake.FakeBackends;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.quotegraph.gateway.GraphQL.errors;
import static io.quotegraph.gateway.GraphQL.query;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(FakeBackends.class)
class StatementSpeakerEventQueriesTest {

    @Test
    void statementMapsSpansAndRelations() {
        JsonPath r = query("""
                { statement(id: "a1:0") { id kind confidence
                    content { start end text } cue { text } speakerMention { start end text }
                    speaker { id name } article { id title } occasion { id type } } }""");
        assertThat(errors(r)).isEmpty();
        assertThat(r.getString("data.statement.id")).isEqualTo("a1:0");
        assertThat(r.getString("data.statement.kind")).isEqualTo("DIRECT");
        assertThat(r.getDouble("data.statement.confidence")).isEqualTo(0.5);
        assertThat(r.getString("data.statement.content.text")).isEqualTo("We will act on climate now.");
        assertThat(r.getInt("data.statement.content.start")).isEqualTo(15);
        assertThat(r.getInt("data.statement.content.end")).isEqualTo(15 + "We will act on climate now.".length());
        assertThat(r.getString("data.statement.cue.text")).isEqualTo("said");
        assertThat(r.getInt("data.statement.speakerMention.start")).isZero();
        assertThat(r.getString("data.statement.speakerMention.text")).isEqualTo("Jane Doe");
        assertThat(r.getString("data.statement.speaker.name")).isEqualTo("Jane Doe");
        assertThat(r.getString("data.statement.article.title")).isEqualTo("Summit opens");
        assertThat(r.getString("data.statement.occasion.type")).isEqualTo("summit");
    }

    @Test
    void statementWithoutSpeakerOrOccasion() {
        JsonPath r = query("{ statement(id: \"a2:2\") { id speaker { id } speakerMention { text } occasion { id } } }");
        assertThat(errors(r)).isEmpty();
        assertThat(r.getMap("data.statement")).containsEntry("speaker", null).containsEntry("occasion", null)
                .containsEntry("speakerMention", null);
    }

    @Test
    void unknownIdsAreNull() {
        JsonPath r = query("""
                { statement(id: "x:9") { id } speaker(id: "nobody") { id } event(id: "never") { id } }""");
        assertThat(errors(r)).isEmpty();
        assertThat(r.getMap("data")).containsEntry("statement", null).containsEntry("speaker", null)
                .containsEntry("event", null);
    }

    @Test
    void statementsFilters() {
        JsonPath bySpeaker = query("{ statements(speakerId: \"s1\") { totalCount edges { node { id } } } }");
        assertThat(bySpeaker.getList("data.statements.edges.node.id")).containsExactly("a4:0", "a2:0", "a1:0");

        JsonPath byText = query("{ statements(text: \"CLIMATE the\") { edges { node { id } } } }");
        assertThat(byText.getList("data.statements.edges.node.id")).containsExactly("a4:0", "a2:1");

        JsonPath byKind = query("{ statements(kind: MIXED) { edges { node { id kind } } } }");
        assertThat(byKind.getList("data.statements.edges.node.id")).containsExactly("a4:0");

        JsonPath byArticleAndTime = query("""
                { statements(articleId: "a2", from: "2026-11-01T00:00:00Z", to: "2026-11-03T00:00:00Z", first: 2) {
                    totalCount pageInfo { hasNextPage } edges { node { id } } } }""");
        assertThat(errors(byArticleAndTime)).isEmpty();
        assertThat(byArticleAndTime.getInt("data.statements.totalCount")).isEqualTo(3);
        assertThat(byArticleAndTime.getList("data.statements.edges.node.id")).containsExactly("a2:0", "a2:1");
        assertThat(byArticleAndTime.getBoolean("data.statements.pageInfo.hasNextPage")).isTrue();
    }

    @Test
    void speakerWithRolesAndStatements() {
        JsonPath r = query("""
                { speaker(id: "s1") { id name type aliases statementCount
                    roles { title organizationName firstSeen lastSeen }
                    statements(first: 1) { totalCount pageInfo { hasNextPage } edges { node { id } } } } }""");
        assertThat(errors(r)).isEmpty();
        assertThat(r.getString("data.speaker.type")).isEqualTo("PERSON");
        assertThat(r.getList("data.speaker.aliases")).containsExactly("Doe", "J. Doe");
        assertThat(r.getInt("data.speaker.statementCount")).isEqualTo(3);
        assertThat(r.getMap("data.speaker.roles[0]")).isEqualTo(Map.of("title", "minister",
                "organizationName", "Ministry of Environment", "firstSeen", "2026-11-01", "lastSeen", "2026-11-04"));
        assertThat(r.getList("data.speaker.statements.edges.node.id")).containsExactly("a4:0");
        assertThat(r.getInt("data.speaker.statements.totalCount")).isEqualTo(3);
        assertThat(r.getBoolean("data.speaker.statements.pageInfo.hasNextPage")).isTrue();
    }

    @Test
    void speakersSearchAndPaging() {
        JsonPath r = query("{ speakers(search: \"acme\") { totalCount edges { node { id name } } } }");
        assertThat(r.getList("data.speakers.edges.node.id")).containsExactly("s2");
        JsonPath byRole = query("{ speakers(role: \"minister\") { edges { node { id roles { title } } } } }");
        assertThat(byRole.getList("data.speakers.edges.node.id")).containsExactly("s1");

        JsonPath p = query("{ speakers(first: 2) { totalCount pageInfo { hasNextPage } edges { node { id } } } }");
        assertThat(p.getList("data.speakers.edges.node.id")).containsExactly("s1", "s2");
        assertThat(p.getInt("data.speakers.totalCount")).isEqualTo(3);
        assertThat(p.getBoolean("data.speakers.pageInfo.hasNextPage")).isTrue();
    }

    @Test
    void eventFieldsAndFilters() {
        JsonPath e = query("""
                { event(id: "e2") { id type title date endDate dateApproximate status participants { name } articles { id } } }""");
        assertThat(errors(e)).isEmpty();
        assertThat(e.getMap("data.event")).containsEntry("type", "press-conference").containsEntry("date", "2026-11-03")
                .containsEntry("endDate", null).containsEntry("dateApproximate", true).containsEntry("status", "HAPPENED");
        assertThat(e.getList("data.event.participants.name")).containsExactly("ACME Corp");
        assertThat(e.getList("data.event.articles.id")).containsExactly("a3");

        JsonPath byParticipant = query("{ events(participantId: \"s3\") { edges { node { id } } } }");
        assertThat(byParticipant.getList("data.events.edges.node.id")).containsExactly("e1");
        JsonPath byType = query("{ events(type: \"press-conference\") { edges { node { id } } } }");
        assertThat(byType.getList("data.events.edges.node.id")).containsExactly("e2");
        JsonPath byDate = query("{ events(from: \"2026-11-02\", to: \"2026-11-30\") { totalCount edges { node { id } } } }");
        assertThat(errors(byDate)).isEmpty();
        assertThat(byDate.getList("data.events.edges.node.id")).containsExactly("e2");
    }

    @Test
    void nestedFirstAboveHundredIsAnError() {
        JsonPath r = query("{ speaker(id: \"s1\") { statements(first: 500) { totalCount } } }");
        assertThat(errors(r)).singleElement().asString().contains("100");
    }

    @Test
    void statementsBySourceAndOldestFirst() {
        JsonPath r = query("{ statements(source: \"bbc\", order: OLDEST) { totalCount edges { node { id } } } }");
        assertThat(errors(r)).isEmpty();
        assertThat(r.getList("data.statements.edges.node.id")).containsExactly("a2:0", "a2:1", "a2:2");
        JsonPath oldest = query("{ statements(first: 2, order: OLDEST) { edges { node { id } } } }");
        assertThat(oldest.getList("data.statements.edges.node.id")).containsExactly("a1:0", "a1:1");
        JsonPath newest = query("{ statements(first: 1) { edges { node { id } } } }");
        assertThat(newest.getList("data.statements.edges.node.id")).containsExactly("a4:0");
    }
}
