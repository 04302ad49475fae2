package io.quotegraph.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.gateway.fake.FakeBackends;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.quotegraph.gateway.GraphQL.counts;
import static io.quotegraph.gateway.GraphQL.errors;
import static io.quotegraph.gateway.GraphQL.query;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(FakeBackends.class)
class EntityAndCurationTest {

    @ConfigProperty(name = "quarkus.rest-client.statements-service.url")
    String backend;

    @Test
    void entitiesAreQueriedBySearchAndType() {
        JsonPath r = query("{ entities(type: LOCATION) { totalCount edges { node { id name type aliases } } } }");
        assertThat(errors(r)).isEmpty();
        assertThat(r.getList("data.entities.edges.node.name")).containsExactly("Azerbaijan", "Nagorno-Karabakh");
        assertThat(r.getList("data.entities.edges.node.type")).containsExactly("COUNTRY", "LOCATION");
        JsonPath search = query("{ entities(search: \"artsakh\") { edges { node { id } } } entity(id: \"s2\") { name type } }");
        assertThat(search.getList("data.entities.edges.node.id")).containsExactly("p1");
        assertThat(search.getString("data.entity.name")).isEqualTo("ACME Corp");
        assertThat(query("{ entity(id: \"none\") { id } }").getMap("data")).containsEntry("entity", null);
    }

    @Test
    void statementsSayWhatTheyAreAboutInOneBackendCallPerLevel() {
        GraphQL.resetCounts(backend);
        JsonPath r = query("{ statements(first: 10) { edges { node { id about { id name type } } } } }");
        assertThat(errors(r)).isEmpty();
        assertThat(r.getList("data.statements.edges.node.find { it.id == 'a1:0' }.about.name"))
                .containsExactly("Nagorno-Karabakh", "John Roe");
        assertThat(r.getList("data.statements.edges.node.find { it.id == 'a2:0' }.about")).isEmpty();
        assertThat(counts(backend)).containsEntry("GET /entities", 1);

        // who spoke about an entity
        JsonPath about = query("{ statements(entityId: \"p1\") { totalCount edges { node { id speaker { name } } } } }");
        assertThat(errors(about)).isEmpty();
        assertThat(about.getList("data.statements.edges.node.id")).containsExactly("a1:0");
        assertThat(about.getList("data.statements.edges.node.speaker.name")).containsExactly("Jane Doe");
    }

    @Test
    void speakersHaveAffiliations() {
        JsonPath r = query("{ speaker(id: \"s1\") { name affiliations roles { title organizationName } } }");
        assertThat(errors(r)).isEmpty();
        assertThat(r.getList("data.speaker.affiliations")).containsExactly("Ministry of Environment");
    }

    @Test
    void speakersAndEntitiesShowTheScoreEvidenceAndBasisOfTheirLinks() {
        JsonPath r = query("""
                { speaker(id: "s1") { links { articleId name score evidence basis } aliasLinks { name score evidence basis } }
                  entity(id: "s1") { links { name basis } aliasLinks { name basis } } }""");
        assertThat(errors(r)).isEmpty();
        assertThat(r.getList("data.speaker.links.articleId")).containsExactly("a1", "a4");
        assertThat(r.getList("data.speaker.links.basis")).containsExactly("EXACT_NAME", "SURNAME_COMPATIBLE_ROLE");
        assertThat(r.getList("data.speaker.links.score", Float.class)).containsExactly(1.0f, 0.9f);
        assertThat(r.getString("data.speaker.links[1].evidence")).contains("only compatible full name");
        assertThat(r.getList("data.speaker.aliasLinks.name")).containsExactly("Jane Doe", "the minister");
        assertThat(r.getList("data.speaker.aliasLinks.basis")).containsExactly("EXACT_NAME", "ANTECEDENT");
        assertThat(r.getList("data.entity.links.name")).containsExactly("Jane Doe", "Doe");
        assertThat(r.getList("data.entity.aliasLinks.basis")).containsExactly("EXACT_NAME", "ANTECEDENT");
        // an entity without links (none stored, or unknown to the backend) has an empty list
        JsonPath none = query("{ entity(id: \"p1\") { links { name } aliasLinks { name } } }");
        assertThat(errors(none)).isEmpty();
        assertThat(none.getList("data.entity.links")).isEmpty();
    }

    @Test
    void curationMutationsPassTheCuratorAndReturnTheSpeakers() {
        JsonPath merged = query("""
                mutation { mergeSpeakers(targetId: "s1", sourceIds: ["s3"], curator: "alice") { id name } }""");
        assertThat(errors(merged)).isEmpty();
        assertThat(merged.getString("data.mergeSpeakers.id")).isEqualTo("s1");
        Map<String, Object> sent = lastPost();
        assertThat(sent).containsEntry("_action", "merge").containsEntry("_actor", "alice").containsEntry("targetId", "s1");
        assertThat(sent.get("sourceIds")).isEqualTo(java.util.List.of("s3"));

        JsonPath split = query("""
                mutation { splitSpeaker(speakerId: "s1", articleIds: ["a4"], name: "Jane Doe (II)", curator: "bob") { id name } }""");
        assertThat(split.getList("data.splitSpeaker.id")).containsExactly("s1", "s-new");
        assertThat(split.getString("data.splitSpeaker[1].name")).isEqualTo("Jane Doe (II)");

        JsonPath alias = query("mutation { addAlias(speakerId: \"s1\", alias: \"Minister Doe\", curator: \"c\") { aliases } }");
        assertThat(alias.getList("data.addAlias.aliases")).contains("Minister Doe");
        JsonPath removed = query("mutation { removeAlias(speakerId: \"s1\", alias: \"J. Doe\", curator: \"c\") { aliases } }");
        assertThat(removed.getList("data.removeAlias.aliases")).doesNotContain("J. Doe");
        assertThat(lastPost()).containsEntry("_action", "remove-alias").containsEntry("alias", "J. Doe");

        // the curator may come as the X-Quotegraph-Actor header instead
        JsonPath renamed = given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .header("X-Quotegraph-Actor", "dora")
                .body(Map.of("query", "mutation { renameSpeaker(speakerId: \"s1\", name: \"Jane A. Doe\") { name } }"))
                .post("/graphql").then().statusCode(200).extract().jsonPath();
        assertThat(errors(renamed)).isEmpty();
        assertThat(renamed.getString("data.renameSpeaker.name")).isEqualTo("Jane A. Doe");
        assertThat(lastPost()).containsEntry("_actor", "dora");
    }

    @Test
    void curationErrorsAreGraphQLErrors() {
        JsonPath noCurator = query("mutation { renameSpeaker(speakerId: \"s1\", name: \"X\") { name } }");
        assertThat(errors(noCurator)).singleElement().asString().contains("curator");
        JsonPath unknown = query("mutation { renameSpeaker(speakerId: \"nobody\", name: \"X\", curator: \"c\") { name } }");
        assertThat(errors(unknown)).isNotEmpty();
        assertThat(unknown.getMap("data")).isNull();
    }

    private Map<String, Object> lastPost() {
        return given().get(backend + "/__last-post").then().extract().jsonPath().getMap("");
    }
}
