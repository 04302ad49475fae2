package io.quotegraph.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5 on the whole system: the sample articles' people, organisations and places come out of GraphQL as one
 * canonical entity each, with the names, aliases and roles of seeds/expected.json; curation through GraphQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntityResolutionEndToEndTest {

    private static final String SPEAKER_FIELDS = """
            id name type aliases roles { title organizationName firstSeen lastSeen } affiliations
            statements(first: 100) { totalCount edges { node { id article { id } about { id name type } } } }""";

    @TempDir
    static Path data;

    private SampleSystem system;
    private JsonNode expected;
    private List<String> articleIds;

    @BeforeAll
    void startSystemAndIngestSamples() {
        system = SampleSystem.start(data, "https://example.org/e2e-entities/");
        expected = system.expected();
        articleIds = List.copyOf(system.articleIdByFile().values());
    }

    @AfterAll
    void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void millerIsOneSpeakerOverBothArticlesWithOneRole() {
        JsonNode found = query("{ speakers(search: \"miller\") { totalCount edges { node { " + SPEAKER_FIELDS + " } } } }")
                .path("speakers");
        assertThat(found.path("totalCount").asInt()).isEqualTo(1);
        JsonNode miller = found.path("edges").get(0).path("node");
        JsonNode want = entity("Matthew Miller");
        assertThat(miller.path("name").asText()).isEqualTo("Matthew Miller");
        assertThat(miller.path("type").asText()).isEqualTo("PERSON");
        assertThat(strings(miller.path("aliases"))).containsAll(strings(want.path("aliases")));
        // "spokesman @ U.S. Department of State" and "spokesman @ State Department" are one role (the gazetteer)
        assertThat(miller.path("roles")).hasSize(1);
        JsonNode role = miller.path("roles").get(0);
        assertThat(role.path("title").asText()).isEqualTo(want.path("roles").get(0).path("title").asText());
        assertThat(role.path("organizationName").asText()).isEqualTo(want.path("roles").get(0).path("organization").asText());
        assertThat(role.path("firstSeen").asText()).isEqualTo("2023-09-26");
        assertThat(role.path("lastSeen").asText()).isEqualTo("2023-09-27");
        assertThat(strings(miller.path("affiliations"))).containsExactly("U.S. Department of State");
        Set<String> articles = new TreeSet<>();
        miller.path("statements").path("edges").forEach(e -> articles.add(e.path("node").path("article").path("id").asText()));
        assertThat(articles).containsExactlyInAnyOrderElementsOf(articleIds);

        JsonNode byId = query("{ speaker(id: \"" + miller.path("id").asText() + "\") { " + SPEAKER_FIELDS + " } }").path("speaker");
        assertThat(byId.path("statements").path("totalCount").asInt()).isEqualTo(miller.path("statements").path("totalCount").asInt());
    }

    @Test
    void blinkenAndAliyevAreResolvedFromTheSecretaryAndThePresident() {
        JsonNode blinken = only(query("{ entities(search: \"blinken\", type: PERSON) { edges { node { id name type aliases } } } }")
                .path("entities"));
        assertThat(blinken.path("name").asText()).isEqualTo("Antony Blinken");
        assertThat(strings(blinken.path("aliases"))).contains("the secretary");

        JsonNode aliyev = only(query("{ entities(search: \"aliyev\") { edges { node { id name type aliases } } } }")
                .path("entities"));
        assertThat(aliyev.path("name").asText()).isEqualTo("Ilham Aliyev");
        assertThat(strings(aliyev.path("aliases"))).contains("President Aliyev", "the president");
        JsonNode roles = query("{ speaker(id: \"" + aliyev.path("id").asText() + "\") { roles { title } } }").path("speaker").path("roles");
        List<String> titles = new ArrayList<>();
        roles.forEach(r -> titles.add(r.path("title").asText()));
        assertThat(titles).anyMatch(t -> t.equalsIgnoreCase("president"));

        // both are what Miller's statements are about
        JsonNode statements = query("{ speakers(search: \"miller\") { edges { node { statements(first: 100) { edges { node { about { id } } } } } } } }")
                .path("speakers").path("edges").get(0).path("node").path("statements").path("edges");
        Set<String> about = new TreeSet<>();
        statements.forEach(e -> e.path("node").path("about").forEach(a -> about.add(a.path("id").asText())));
        assertThat(about).contains(blinken.path("id").asText(), aliyev.path("id").asText());
    }

    @Test
    void placesAndOrganisationsAreCanonicalEntities() {
        JsonNode karabakh = only(query("{ entities(search: \"karabakh\", type: LOCATION) { edges { node { id name type aliases } } } }")
                .path("entities"));
        assertThat(karabakh.path("name").asText()).isEqualTo("Nagorno-Karabakh");
        assertThat(strings(karabakh.path("aliases"))).contains("Karabakh", "Nagorno-Karabakh");
        // who spoke about Nagorno-Karabakh
        JsonNode about = query("{ statements(entityId: \"" + karabakh.path("id").asText() + "\", first: 50) { totalCount edges { node { speaker { name } } } } }")
                .path("statements");
        assertThat(about.path("totalCount").asInt()).isPositive();
        Set<String> speakers = new TreeSet<>();
        about.path("edges").forEach(e -> speakers.add(e.path("node").path("speaker").path("name").asText()));
        assertThat(speakers).contains("Matthew Miller");
        JsonNode us = query("{ entities(search: \"united states\") { edges { node { name type aliases } } } }").path("entities");
        assertThat(us.path("edges")).hasSize(1);
        assertThat(us.path("edges").get(0).path("node").path("type").asText()).isEqualTo("COUNTRY");
        // "US" and "U.S." are one alias (aliases are told apart by their normalised words)
        assertThat(strings(us.path("edges").get(0).path("node").path("aliases"))).containsAnyOf("US", "U.S.");
    }

    /**
     * Every expected entity, named in a statement or anywhere else in the articles (Samantha Power, Yuri Kim, Granada,
     * the Lachin corridor), is one canonical entity of that name and type (expected.json's LOCATION covers
     * countries), with the expected roles (the gazetteer's offices on the days the articles were published).
     */
    @Test
    void theExpectedEntitiesAreOneEntityEach() {
        for (JsonNode want : expected.path("entities")) {
            String canonical = want.path("canonical").asText();
            JsonNode found = query("{ entities(search: \"" + canonical + "\", type: " + want.path("type").asText()
                    + ") { edges { node { id name type } } } }").path("entities");
            List<String> names = new ArrayList<>();
            found.path("edges").forEach(e -> names.add(e.path("node").path("name").asText()));
            assertThat(names).as(canonical).containsOnlyOnce(canonical);
            String id = null;
            for (JsonNode e : found.path("edges")) {
                if (e.path("node").path("name").asText().equals(canonical)) {
                    id = e.path("node").path("id").asText();
                }
            }
            for (JsonNode role : want.path("roles")) {
                JsonNode roles = query("{ speaker(id: \"" + id + "\") { roles { title organizationName firstSeen } } }")
                        .path("speaker").path("roles");
                String organization = role.path("organization").asText();
                assertThat(roles).as(canonical + " " + role).anySatisfy(r ->
                        assertThat(r.path("organizationName").asText()).isEqualTo(organization));
            }
        }
        JsonNode power = query("{ entities(search: \"samantha power\") { edges { node { id } } } }").path("entities");
        JsonNode roles = query("{ speaker(id: \"" + only(power).path("id").asText() + "\") { roles { title organizationName firstSeen lastSeen } } }")
                .path("speaker").path("roles");
        assertThat(roles).singleElement().satisfies(r -> {
            assertThat(r.path("title").asText()).isEqualTo("Administrator");
            assertThat(r.path("organizationName").asText()).isEqualTo("USAID");
            assertThat(r.path("firstSeen").asText()).isEqualTo("2023-09-27");
        });
    }

    @Test
    void everyLinkCarriesAScoreAndItsEvidence() {
        JsonNode miller = query("{ speakers(search: \"miller\") { edges { node { links { articleId name score evidence basis } "
                + "aliasLinks { name score evidence basis } } } } }").path("speakers").path("edges").get(0).path("node");
        Set<String> articles = new TreeSet<>();
        miller.path("links").forEach(l -> {
            articles.add(l.path("articleId").asText());
            assertThat(l.path("score").asDouble()).isBetween(0.5, 1.0);
            assertThat(l.path("evidence").asText()).isNotBlank();
            assertThat(l.path("basis").asText()).isIn("EXACT_NAME", "GAZETTEER_ALIAS", "SURNAME_COMPATIBLE_ROLE");
        });
        assertThat(articles).containsExactlyInAnyOrderElementsOf(articleIds);
        List<String> aliases = new ArrayList<>();
        miller.path("aliasLinks").forEach(a -> aliases.add(a.path("name").asText()));
        assertThat(aliases).contains("Matthew Miller", "Miller");
        // "the secretary" is Blinken's because, within its article, it stands for the name given in parentheses
        JsonNode blinken = query("{ entities(search: \"blinken\", type: PERSON) { edges { node { aliasLinks { name basis } } } } }")
                .path("entities").path("edges").get(0).path("node");
        assertThat(blinken.path("aliasLinks")).anySatisfy(a -> {
            assertThat(a.path("name").asText()).isEqualTo("the secretary");
            assertThat(a.path("basis").asText()).isEqualTo("ANTECEDENT");
        });
    }

    @Test
    void curationThroughGraphQLIsKept() {
        String millerId = query("{ speakers(search: \"miller\") { edges { node { id } } } }")
                .path("speakers").path("edges").get(0).path("node").path("id").asText();
        JsonNode renamed = query("mutation { addAlias(speakerId: \"" + millerId + "\", alias: \"Matt Miller\", curator: \"e2e\") { aliases } }");
        assertThat(strings(renamed.path("addAlias").path("aliases"))).contains("Matt Miller");
        JsonNode again = query("{ speaker(id: \"" + millerId + "\") { aliases } }");
        assertThat(strings(again.path("speaker").path("aliases"))).contains("Matt Miller");
    }

    private JsonNode query(String document) {
        return system.graphql(document, Map.of());
    }

    private static JsonNode only(JsonNode connection) {
        assertThat(connection.path("edges")).hasSize(1);
        return connection.path("edges").get(0).path("node");
    }

    private JsonNode entity(String canonical) {
        for (JsonNode e : expected.path("entities")) {
            if (e.path("canonical").asText().equals(canonical)) {
                return e;
            }
        }
        throw new AssertionError("no expected entity " + canonical);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
