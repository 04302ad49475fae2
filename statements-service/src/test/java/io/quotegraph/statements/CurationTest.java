package io.quotegraph.statements;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(MongoTestResource.class)
class CurationTest {

    private static final String ACTOR = "X-Quotegraph-Actor";

    private static String speakerOf(String statementId) {
        return given().get("/statements/{id}", statementId).then().statusCode(200).extract().path("speakerId");
    }

    private static JsonPath curate(String action, Map<String, Object> body, int status) {
        return given().header(ACTOR, "alice").contentType(ContentType.JSON).body(body)
                .post("/curation/" + action).then().statusCode(status).extract().jsonPath();
    }

    /** Two articles whose people resolution keeps apart: "Tony X" and "Antony X" (different full names). */
    private static Articles[] twoNamesOfOnePerson(String surname) {
        Articles first = Articles.article("tony").publishedAt("2024-05-01T08:00:00Z")
                .speaker("S1", "Tony " + surname, "PERSON", List.of("Tony " + surname), "secretary", "Ministry of " + surname)
                .statement("DIRECT", "We stand together", "Tony " + surname, "said", "S1");
        Articles second = Articles.article("antony").publishedAt("2024-05-03T08:00:00Z")
                .speaker("S1", "Antony " + surname, "PERSON", List.of("Antony " + surname), "secretary", "Ministry of " + surname)
                .statement("DIRECT", "The talks continue", "Antony " + surname, "said", "S1");
        return new Articles[]{first, second};
    }

    @Test
    void mergeIsRecordedAndSurvivesRedelivery() {
        String surname = Articles.name();
        Articles[] articles = twoNamesOfOnePerson(surname);
        articles[0].deliver().statusCode(200);
        articles[1].deliver().statusCode(200);
        String tony = speakerOf(articles[0].articleId + ":0");
        String antony = speakerOf(articles[1].articleId + ":0");
        assertThat(tony).isNotEqualTo(antony);

        JsonPath merged = curate("merge", Map.of("targetId", antony, "sourceIds", List.of(tony)), 200);
        assertThat(merged.getString("id")).isEqualTo(antony);
        assertThat(merged.getString("name")).isEqualTo("Antony " + surname);
        assertThat(merged.getList("aliases", String.class)).contains("Tony " + surname, "Antony " + surname);
        assertThat(merged.getLong("statementCount")).isEqualTo(2);
        assertThat(speakerOf(articles[0].articleId + ":0")).isEqualTo(antony);
        // the merged id answers as the target; lists show only the target
        given().get("/speakers/{id}", tony).then().statusCode(200).body("id", equalTo(antony));
        given().queryParam("search", surname).get("/speakers").then().body("totalCount", equalTo(1));

        // re-delivery with a new extraction (new hash: resolution runs again) keeps the merge
        articles[0].extractorVersion("test-2").deliver().statusCode(200);
        articles[1].extractorVersion("test-2").deliver().statusCode(200);
        assertThat(speakerOf(articles[0].articleId + ":0")).isEqualTo(antony);
        assertThat(speakerOf(articles[1].articleId + ":0")).isEqualTo(antony);
        // and a new article naming "Tony X" goes to the merged speaker as well
        Articles third = Articles.article("tony-again").publishedAt("2024-05-05T08:00:00Z")
                .speaker("S1", "Tony " + surname, "PERSON", List.of("Tony " + surname), null, null)
                .statement("DIRECT", "Nothing changes", "Tony " + surname, "said", "S1");
        third.deliver().statusCode(200);
        assertThat(speakerOf(third.articleId + ":0")).isEqualTo(antony);

        JsonPath log = given().queryParam("speakerId", antony).get("/curation/log").then().statusCode(200).extract().jsonPath();
        assertThat(log.getInt("totalCount")).isEqualTo(1);
        assertThat(log.getString("items[0].actor")).isEqualTo("alice");
        assertThat(log.getString("items[0].action")).isEqualTo("merge");
        assertThat(log.getList("items[0].before.id", String.class)).containsExactly(antony, tony);
        assertThat(log.getList("items[0].after.statementCount", Integer.class)).containsExactly(2);
        assertThat(log.getString("items[0].at")).isNotBlank();
    }

    @Test
    void splitMovesAnArticlesNamesToANewSpeakerForGood() {
        String surname = Articles.name();
        Articles first = Articles.article("split-a").publishedAt("2024-06-01T08:00:00Z")
                .speaker("S1", "Jane " + surname, "PERSON", List.of("Jane " + surname), null, null)
                .statement("DIRECT", "First words", "Jane " + surname, "said", "S1");
        Articles second = Articles.article("split-b").publishedAt("2024-06-02T08:00:00Z")
                .speaker("S1", "Jane " + surname, "PERSON", List.of("Jane " + surname), null, null)
                .statement("DIRECT", "Other words", "Jane " + surname, "said", "S1");
        first.deliver().statusCode(200);
        second.deliver().statusCode(200);
        String jane = speakerOf(first.articleId + ":0");
        assertThat(speakerOf(second.articleId + ":0")).isEqualTo(jane);

        JsonPath split = curate("split", Map.of("speakerId", jane, "articleIds", List.of(second.articleId),
                "name", "Jane " + surname + " (singer)"), 200);
        String other = split.getString("[1].id");
        assertThat(split.getString("[0].id")).isEqualTo(jane);
        assertThat(split.getString("[1].name")).isEqualTo("Jane " + surname + " (singer)");
        assertThat(split.getLong("[0].statementCount")).isEqualTo(1);
        assertThat(split.getLong("[1].statementCount")).isEqualTo(1);
        assertThat(speakerOf(second.articleId + ":0")).isEqualTo(other);

        second.extractorVersion("test-2").deliver().statusCode(200);
        first.extractorVersion("test-2").deliver().statusCode(200);
        assertThat(speakerOf(second.articleId + ":0")).isEqualTo(other);
        assertThat(speakerOf(first.articleId + ":0")).isEqualTo(jane);
        given().get("/speakers/{id}", other).then().body("name", equalTo("Jane " + surname + " (singer)"));

        // nothing would remain / nothing to split
        curate("split", Map.of("speakerId", jane, "articleIds", List.of(first.articleId)), 409);
        curate("split", Map.of("speakerId", jane, "articleIds", List.of("no-such-article")), 409);
    }

    @Test
    void aliasesAndNamesAreCuratedAndKept() {
        String surname = Articles.name();
        Articles article = Articles.article("alias").publishedAt("2024-07-01T08:00:00Z")
                .speaker("S1", "Maria " + surname, "PERSON", List.of("Maria " + surname, surname), null, null)
                .statement("DIRECT", "Words", "Maria " + surname, "said", "S1");
        article.deliver().statusCode(200);
        String maria = speakerOf(article.articleId + ":0");

        JsonPath added = curate("add-alias", Map.of("speakerId", maria, "alias", "La " + surname), 200);
        assertThat(added.getList("aliases", String.class)).contains("La " + surname);
        JsonPath removed = curate("remove-alias", Map.of("speakerId", maria, "alias", surname), 200);
        assertThat(removed.getList("aliases", String.class)).doesNotContain(surname).contains("La " + surname);
        JsonPath renamed = curate("rename", Map.of("speakerId", maria, "name", "María " + surname), 200);
        assertThat(renamed.getString("name")).isEqualTo("María " + surname);

        // a later article using the curated alias resolves to the speaker
        Articles later = Articles.article("alias-later").publishedAt("2024-07-03T08:00:00Z")
                .speaker("S1", "La " + surname, "PERSON", List.of("La " + surname), null, null)
                .statement("DIRECT", "More words", "La " + surname, "said", "S1");
        later.deliver().statusCode(200);
        assertThat(speakerOf(later.articleId + ":0")).isEqualTo(maria);
        // re-delivery keeps name and aliases as curated
        article.extractorVersion("test-2").deliver().statusCode(200);
        JsonPath speaker = given().get("/speakers/{id}", maria).then().statusCode(200).extract().jsonPath();
        assertThat(speaker.getString("name")).isEqualTo("María " + surname);
        assertThat(speaker.getList("aliases", String.class)).contains("La " + surname).doesNotContain(surname);

        JsonPath log = given().queryParam("speakerId", maria).get("/curation/log").then().extract().jsonPath();
        assertThat(log.getList("items.action", String.class)).containsExactly("rename", "removeAlias", "addAlias");
        assertThat(log.getString("items[0].before[0].name")).isEqualTo("Maria " + surname);
        assertThat(log.getString("items[0].after[0].name")).isEqualTo("María " + surname);
    }

    @Test
    void badCurationRequestsAreProblems() {
        given().contentType(ContentType.JSON).body(Map.of("speakerId", "x", "name", "Y"))
                .post("/curation/rename").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString("curator"));
        // the curator may come in the body
        given().contentType(ContentType.JSON).body(Map.of("speakerId", "no-such-speaker", "name", "Y", "curator", "bob"))
                .post("/curation/rename").then().statusCode(404);
        curate("merge", Map.of("targetId", "no-such-speaker", "sourceIds", List.of("x")), 404);
        curate("merge", Map.of("targetId", "x"), 400);
        curate("rename", Map.of("speakerId", "x", "name", "..."), 400);
        given().header(ACTOR, "alice").contentType(ContentType.JSON).body("{not json")
                .post("/curation/merge").then().statusCode(400);
        given().header(ACTOR, "alice").contentType(ContentType.JSON).body(Map.of("speakerId", "x", "unknown", 1))
                .post("/curation/rename").then().statusCode(400);
    }
}
