package io.quotegraph.statements;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(MongoTestResource.class)
class EntityResolutionTest {

    private static String speakerOf(String statementId) {
        return given().get("/statements/{id}", statementId).then().statusCode(200).extract().path("speakerId");
    }

    @Test
    void theGazetteerMakesOneRoleOfTwoNamesOfAnOrganisation() {
        String surname = Articles.name();
        Articles first = Articles.article("gaz-a").publishedAt("2023-09-26T09:00:00Z")
                .speaker("S1", "Matthew " + surname, "PERSON", List.of("Matthew " + surname, surname), "spokesman", "U.S. Department of State")
                .statement("DIRECT", "The ceasefire must hold", "Matthew " + surname, "told", "S1");
        Articles second = Articles.article("gaz-b").publishedAt("2023-09-27T18:00:00Z")
                .speaker("S1", surname, "PERSON", List.of(surname), "spokesman", "State Department")
                .statement("INDIRECT", "the US will work with allies", surname, "said", "S1");
        first.deliver().statusCode(200);
        second.deliver().statusCode(200);
        String id = speakerOf(first.articleId + ":0");
        assertThat(speakerOf(second.articleId + ":0")).isEqualTo(id);
        JsonPath speaker = given().get("/speakers/{id}", id).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> roles = speaker.getList("roles");
        assertThat(roles).hasSize(1);
        assertThat(roles.get(0)).containsEntry("organization", "U.S. Department of State")
                .containsEntry("firstSeen", "2023-09-26").containsEntry("lastSeen", "2023-09-27");
        assertThat(speaker.getList("affiliations", String.class)).containsExactly("U.S. Department of State");

        JsonPath links = given().get("/speakers/{id}/links", id).then().statusCode(200).extract().jsonPath();
        assertThat(links.getList("articleId", String.class)).containsExactlyInAnyOrder(first.articleId, second.articleId);
        assertThat(links.getList("score", Double.class)).allMatch(s -> s > 0.5);
        assertThat(links.getList("evidence", String.class)).anyMatch(e -> e.contains("full name"))
                .anyMatch(e -> e.contains("surname"));
        // the surname joined the full name because the organisations of their roles agree
        assertThat(links.getList("basis", String.class)).containsExactlyInAnyOrder("EXACT_NAME", "SURNAME_COMPATIBLE_ROLE");

        // every name of the speaker, with the score, evidence and basis of the link that made it theirs
        JsonPath aliases = given().get("/speakers/{id}/aliases", id).then().statusCode(200).extract().jsonPath();
        assertThat(aliases.getList("name", String.class)).containsExactlyInAnyOrder("Matthew " + surname, surname);
        Map<String, String> basisByName = new HashMap<>();
        List<Map<String, Object>> rows = aliases.getList("$");
        rows.forEach(r -> basisByName.put((String) r.get("name"), (String) r.get("basis")));
        assertThat(basisByName).containsEntry("Matthew " + surname, "EXACT_NAME");
        assertThat(rows).allSatisfy(r -> {
            assertThat(((Number) r.get("score")).doubleValue()).isBetween(0.5, 1.0);
            assertThat((String) r.get("evidence")).isNotBlank();
        });
        given().get("/speakers/{id}/aliases", "no-such-speaker").then().statusCode(404);
    }

    @Test
    void entitiesNamedAnywhereInTheArticleAreLinkedToIt() {
        String person = "Hana " + Articles.name();
        String place = Articles.name();
        String other = Articles.name();
        Articles article = Articles.article("named").publishedAt("2023-09-27T18:00:00Z")
                .speaker("S1", "Helen " + Articles.name(), "PERSON", List.of(), null, null)
                .statement("INDIRECT", "talks with " + other + " went well", "she", "said", "S1")
                .about(other, "COUNTRY", null)
                .names(person, person, "PERSON", null)
                .names("the city of " + place, place, "LOCATION", null)
                .names(other, other, "COUNTRY", null);
        article.deliver().statusCode(200);
        JsonPath named = given().queryParam("articleId", article.articleId).queryParam("limit", 50)
                .get("/entities").then().statusCode(200).extract().jsonPath();
        assertThat(named.getList("items.name", String.class))
                .containsExactlyInAnyOrder(person, place, other, (String) article.speakers.get(0).get("name"));
        // named in the text only: linked to the article, not to the statement; named in the content: both
        List<String> about = given().get("/statements/{id}", article.articleId + ":0").then().extract().jsonPath()
                .getList("aboutIds", String.class);
        String otherId = given().queryParam("search", other).get("/entities").then().extract().path("items[0].id");
        assertThat(about).containsExactly(otherId);
        given().queryParam("articleId", article.articleId).queryParam("type", "LOCATION").get("/entities").then()
                .statusCode(200).body("items.name", org.hamcrest.Matchers.containsInAnyOrder(place, other)); // countries are places
    }

    @Test
    void gazetteerOfficesGiveSpeakersTheirRolesOnTheDaysTheyWereSeen() {
        String minister = "Anna " + Articles.name();
        String country = Articles.name() + "ia";
        Articles before = Articles.article("office-a").publishedAt("2019-06-01T10:00:00Z")
                .speaker("S1", minister, "PERSON", List.of(minister), null, null)
                .statement("DIRECT", "We are ready", minister, "said", "S1");
        Articles during = Articles.article("office-b").publishedAt("2023-09-26T10:00:00Z")
                .speaker("S1", minister, "PERSON", List.of(minister), null, null)
                .statement("DIRECT", "We are still ready", minister, "said", "S1");
        before.deliver().statusCode(200);
        during.deliver().statusCode(200);
        String id = speakerOf(during.articleId + ":0");
        assertThat(given().get("/speakers/{id}", id).then().extract().jsonPath().getList("roles")).isEmpty();

        Map<String, Object> office = new HashMap<>();
        office.put("title", "Foreign Minister");
        office.put("organization", country);
        office.put("from", "2020-01-15");
        office.put("to", null);
        given().header("X-Quotegraph-Actor", "carol").contentType(ContentType.JSON)
                .body(Map.of("canonical", minister, "type", "PERSON", "offices", List.of(office)))
                .post("/gazetteer/entries").then().statusCode(201)
                .body("offices[0].title", equalTo("Foreign Minister")).body("offices[0].from", equalTo("2020-01-15"));
        // applies at once to what was seen: held in 2023, not yet in 2019
        JsonPath speaker = given().get("/speakers/{id}", id).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> roles = speaker.getList("roles");
        assertThat(roles).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("title", "Foreign Minister").containsEntry("organization", country)
                .containsEntry("firstSeen", "2023-09-26").containsEntry("lastSeen", "2023-09-26"));
        List<Map<String, Object>> entries = given().get("/gazetteer").then().extract().jsonPath().getList("entries");
        assertThat(entries).filteredOn(e -> minister.equals(e.get("canonical"))).singleElement()
                .satisfies(e -> assertThat(e.get("offices").toString()).contains("Foreign Minister", country, "2020-01-15"));
    }

    @Test
    void gazetteerOfficesAreValidated() {
        Map<String, Object> backwards = new HashMap<>(Map.of("title", "President", "from", "2024-01-01", "to", "2020-01-01"));
        Map<String, Object> untitled = new HashMap<>(Map.of("organization", "Somewhere"));
        Map<String, Object> badDate = new HashMap<>(Map.of("title", "President", "from", "2023-13-45"));
        for (Map<String, Object> body : List.of(
                Map.of("canonical", "Rex " + Articles.name(), "type", "PERSON", "offices", List.of(backwards)),
                Map.of("canonical", "Rex " + Articles.name(), "type", "PERSON", "offices", List.of(untitled)),
                Map.of("canonical", "Rex " + Articles.name(), "type", "PERSON", "offices", List.of(badDate)),
                Map.of("canonical", Articles.name() + " Bank", "type", "ORGANIZATION", "offices",
                        List.of(Map.of("title", "Governor"))))) {
            given().header("X-Quotegraph-Actor", "carol").contentType(ContentType.JSON).body(body)
                    .post("/gazetteer/entries").then().statusCode(400)
                    .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));
        }
    }

    @Test
    void gazetteerEntriesCanBeAddedAndApplyToNamesAlreadySeen() {
        String place = Articles.name();
        String other = Articles.name();
        Articles article = Articles.article("gaz-add")
                .speaker("S1", "Helen " + Articles.name(), "PERSON", List.of(), null, null)
                .statement("INDIRECT", "peace in " + place + " and " + other + " is near", "she", "said", "S1")
                .about(place, "LOCATION", null).about(other, "LOCATION", null);
        article.deliver().statusCode(200);
        JsonPath statement = given().get("/statements/{id}", article.articleId + ":0").then().extract().jsonPath();
        List<String> about = statement.getList("aboutIds", String.class);
        assertThat(about).hasSize(2);

        given().header("X-Quotegraph-Actor", "carol").contentType(ContentType.JSON)
                .body(Map.of("canonical", place, "type", "LOCATION", "aliases", List.of(other)))
                .post("/gazetteer/entries").then().statusCode(201).body("canonical", equalTo(place));
        List<String> after = given().get("/statements/{id}", article.articleId + ":0").then().extract().jsonPath()
                .getList("aboutIds", String.class);
        assertThat(after).hasSize(1);
        given().get("/gazetteer").then().statusCode(200)
                .body("version", org.hamcrest.Matchers.containsString("+r"));
        // an alias naming another entity is a conflict; bad input is a 400
        given().header("X-Quotegraph-Actor", "carol").contentType(ContentType.JSON)
                .body(Map.of("canonical", "Somewhere " + Articles.name(), "type", "LOCATION", "aliases", List.of("Artsakh")))
                .post("/gazetteer/entries").then().statusCode(409);
        given().header("X-Quotegraph-Actor", "carol").contentType(ContentType.JSON)
                .body(Map.of("canonical", "X", "type", "PLANET"))
                .post("/gazetteer/entries").then().statusCode(400);
    }

    @Test
    void statementsAreLinkedToTheEntitiesTheyNameAndFoundByThem() {
        String surname = Articles.name();
        Articles first = Articles.article("about-a").publishedAt("2023-09-26T09:00:00Z")
                .speaker("S1", "Matthew " + surname, "PERSON", List.of("Matthew " + surname), "spokesman", "U.S. Department of State")
                .statement("DIRECT", "We support a mission in Nagorno-Karabakh", "Matthew " + surname, "told", "S1")
                .about("Nagorno-Karabakh", "LOCATION", null);
        Articles second = Articles.article("about-b").publishedAt("2023-09-27T09:00:00Z")
                .speaker("S1", "Ilham " + surname + "ov", "PERSON", List.of(), "President", "Azerbaijan")
                .statement("DIRECT", "Karabakh is calm and Azerbaijan is ready", "Ilham " + surname + "ov", "said", "S1")
                .about("Karabakh", "LOCATION", null).about("Azerbaijan", "COUNTRY", null);
        first.deliver().statusCode(200);
        second.deliver().statusCode(200);
        List<String> aboutFirst = given().get("/statements/{id}", first.articleId + ":0").then().extract().jsonPath()
                .getList("aboutIds", String.class);
        List<String> aboutSecond = given().get("/statements/{id}", second.articleId + ":0").then().extract().jsonPath()
                .getList("aboutIds", String.class);
        assertThat(aboutFirst).hasSize(1);
        assertThat(aboutSecond).hasSize(2).contains(aboutFirst.get(0));
        String karabakh = aboutFirst.get(0);
        JsonPath entity = given().get("/entities/{id}", karabakh).then().statusCode(200).extract().jsonPath();
        assertThat(entity.getString("name")).isEqualTo("Nagorno-Karabakh");
        assertThat(entity.getString("type")).isEqualTo("LOCATION");
        assertThat(entity.getList("aliases", String.class)).contains("Nagorno-Karabakh", "Karabakh");
        // who spoke about it
        given().queryParam("entityId", karabakh).queryParam("from", "2023-09-26T00:00:00Z").get("/statements").then()
                .body("items.speakerId", org.hamcrest.Matchers.hasItems(speakerOf(first.articleId + ":0"),
                        speakerOf(second.articleId + ":0")));
        // places are entities but not speakers; LOCATION includes countries
        given().queryParam("search", "karabakh").queryParam("type", "LOCATION").get("/entities").then()
                .body("items.id", org.hamcrest.Matchers.hasItem(karabakh));
        given().queryParam("search", "azerbaijan").queryParam("type", "location").get("/entities").then()
                .body("items.type", org.hamcrest.Matchers.hasItem("COUNTRY"));
        given().queryParam("search", "nagorno").get("/speakers").then().body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(karabakh)));
        given().queryParam("type", "PLANET").get("/entities").then().statusCode(400);
    }

    /**
     * The same articles delivered in two different orders give the same clusters: each run uses its own names
     * (so the runs do not meet in the shared database) with the same structure.
     */
    @Test
    void resolutionDoesNotDependOnTheDeliveryOrder() {
        Set<Set<String>> forward = clustersOfRun(order -> order);
        Set<Set<String>> backward = clustersOfRun(order -> {
            List<Articles> reversed = new ArrayList<>(order);
            Collections.reverse(reversed);
            return reversed;
        });
        Set<Set<String>> shuffled = clustersOfRun(order -> {
            List<Articles> copy = new ArrayList<>(order);
            Collections.shuffle(copy, new java.util.Random(3));
            return copy;
        });
        assertThat(backward).isEqualTo(forward);
        assertThat(shuffled).isEqualTo(forward);
        // Miller of the State Department is one person over three articles; the campaign's Miller another;
        // the bare "Miller" of article 4 is ambiguous once both full names are known and stays on its own
        assertThat(forward).contains(Set.of("0:S1", "1:S1", "2:S1"), Set.of("3:S1"), Set.of("4:S1"));
    }

    private Set<Set<String>> clustersOfRun(Function<List<Articles>, List<Articles>> order) {
        String surname = Articles.name();
        String run = Articles.unique();
        List<Articles> articles = List.of(
                new Articles("det-" + run + "-0").publishedAt("2024-01-01T08:00:00Z")
                        .speaker("S1", "Matthew " + surname, "PERSON", List.of("Matthew " + surname, surname), "spokesman", "U.S. Department of State")
                        .statement("DIRECT", "One", "Matthew " + surname, "said", "S1"),
                new Articles("det-" + run + "-1").publishedAt("2024-01-02T08:00:00Z")
                        .speaker("S1", surname, "PERSON", List.of(surname), "spokesman", "State Department")
                        .statement("DIRECT", "Two", surname, "said", "S1"),
                new Articles("det-" + run + "-2").publishedAt("2024-01-03T08:00:00Z")
                        .speaker("S1", "Mr. " + surname, "PERSON", List.of("Mr. " + surname), null, "US State Department")
                        .statement("DIRECT", "Three", "Mr. " + surname, "said", "S1"),
                new Articles("det-" + run + "-3").publishedAt("2024-01-04T08:00:00Z")
                        .speaker("S1", "Jason " + surname, "PERSON", List.of("Jason " + surname), "adviser", "Trump campaign")
                        .statement("DIRECT", "Four", "Jason " + surname, "said", "S1"),
                new Articles("det-" + run + "-4").publishedAt("2024-01-05T08:00:00Z")
                        .speaker("S1", surname, "PERSON", List.of(surname), null, null)
                        .statement("DIRECT", "Five", surname, "said", "S1"));
        for (Articles a : order.apply(articles)) {
            a.deliver().statusCode(200);
        }
        Map<String, Set<String>> bySpeaker = new HashMap<>();
        for (int i = 0; i < articles.size(); i++) {
            String speaker = speakerOf(articles.get(i).articleId + ":0");
            bySpeaker.computeIfAbsent(speaker, k -> new TreeSet<>()).add(i + ":S1");
        }
        return new java.util.HashSet<>(bySpeaker.values());
    }
}
