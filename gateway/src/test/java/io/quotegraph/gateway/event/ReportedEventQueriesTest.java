package io.quotegraph.gateway.event;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.gateway.GraphQL;
import io.quotegraph.gateway.fake.FakeBackends;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reported events: place, evidence, the statements about them, and the filters by status and place. */
@QuarkusTest
@WithTestResource(FakeBackends.class)
class ReportedEventQueriesTest {

    @Test
    void eventWithPlaceEvidenceAndTheStatementsAboutIt() {
        JsonPath r = GraphQL.query("""
                { event(id: "e3") { type status granularity date endDate locationName location { name }
                  participants { name } participantNames evidence { articleId text } statementsAbout { id }
                  statements { totalCount } } }""");
        assertThat(r.getString("data.event.type")).isEqualTo("MILITARY_OPERATION");
        assertThat(r.getString("data.event.granularity")).isEqualTo("WEEK");
        assertThat(r.getString("data.event.endDate")).isEqualTo("2023-09-24");
        assertThat(r.getString("data.event.location.name")).isEqualTo("Nagorno-Karabakh");
        assertThat(r.getList("data.event.participants.name")).containsExactly("Azerbaijan");
        assertThat(r.getList("data.event.evidence.articleId")).containsExactly("a1");
        assertThat(r.getList("data.event.statementsAbout.id")).containsExactly("a1:0");
        assertThat(r.getInt("data.event.statements.totalCount")).isZero();
    }

    @Test
    void statementsKnowTheEventsTheyTalkAbout() {
        JsonPath r = GraphQL.query("{ statement(id: \"a1:0\") { occasion { id } aboutEvents { id type } } }");
        assertThat(r.getString("data.statement.occasion.id")).isEqualTo("e1");
        assertThat(r.getList("data.statement.aboutEvents.id")).containsExactly("e3");
    }

    @Test
    void eventsByStatusAndPlace() {
        JsonPath r = GraphQL.query("{ events(status: \"HAPPENED\", location: \"p1\") { edges { node { id } } } }");
        assertThat(r.getList("data.events.edges.node.id")).containsExactly("e3");
        JsonPath byName = GraphQL.query("{ events(location: \"nagorno-karabakh\") { edges { node { id } } } }");
        assertThat(byName.getList("data.events.edges.node.id")).containsExactly("e3");
        JsonPath planned = GraphQL.query("{ events(status: \"PLANNED\") { totalCount } }");
        assertThat(planned.getInt("data.events.totalCount")).isZero();
    }
}
