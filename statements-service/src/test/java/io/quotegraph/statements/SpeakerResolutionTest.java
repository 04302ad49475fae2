package io.quotegraph.statements;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@WithTestResource(MongoTestResource.class)
class SpeakerResolutionTest {

    private static String speakerOf(String statementId) {
        return given().get("/statements/{id}", statementId).then().statusCode(200).extract().path("speakerId");
    }

    @Test
    void fullNameAndSurnameWithTheSameRoleAreOneSpeaker() {
        String surname = Articles.name();
        String fullName = "Helena " + surname;
        Articles first = Articles.article("full").publishedAt("2024-02-01T08:00:00Z")
                .speaker("S1", fullName, "PERSON", List.of(fullName, surname), "spokeswoman", "U.S. Department of State")
                .statement("DIRECT", "The ceasefire must hold", "Spokeswoman " + fullName, "said", "S1")
                .statement("DIRECT", "We are watching closely", surname, "added", "S1");
        Articles second = Articles.article("surname").publishedAt("2024-02-20T08:00:00Z")
                .speaker("S1", surname, "PERSON", List.of(surname, "Ms. " + surname), "spokeswoman", "US State Department")
                .speaker("S2", "Republic of Nowhere", "COUNTRY", List.of(), null, null)
                .statement("INDIRECT", "talks would resume next week", "Ms. " + surname, "told", "S1")
                .statement("DIRECT", "We reject this", "the republic", "said", "S2");
        first.deliver().statusCode(200);
        second.deliver().statusCode(200);

        String id = speakerOf(first.articleId + ":0");
        assertThat(speakerOf(first.articleId + ":1")).isEqualTo(id);
        assertThat(speakerOf(second.articleId + ":0")).isEqualTo(id);
        assertThat(speakerOf(second.articleId + ":1")).isNotEqualTo(id);

        JsonPath speaker = given().get("/speakers/{id}", id).then().statusCode(200).extract().jsonPath();
        assertThat(speaker.getString("name")).isEqualTo(fullName);
        assertThat(speaker.getString("type")).isEqualTo("PERSON");
        assertThat(speaker.getLong("statementCount")).isEqualTo(3);
        assertThat(speaker.getList("aliases", String.class)).contains(fullName, surname, "Ms. " + surname);
        List<Map<String, Object>> roles = speaker.getList("roles");
        assertThat(roles).hasSize(1); // "U.S. Department of State" = "US State Department"
        assertThat(roles.get(0)).containsEntry("title", "spokeswoman")
                .containsEntry("organization", "U.S. Department of State")
                .containsEntry("firstSeen", "2024-02-01")
                .containsEntry("lastSeen", "2024-02-20");

        // by role: the start of a word of a role title, any case; combinable with a name search
        given().queryParam("role", "SPOKES").queryParam("search", surname).get("/speakers").then()
                .body("items.id", equalTo(List.of(id)));
        given().queryParam("role", "minister").queryParam("search", surname).get("/speakers").then()
                .body("totalCount", equalTo(0));
        given().queryParam("role", "keswoman").queryParam("search", surname).get("/speakers").then()
                .body("totalCount", equalTo(0)); // not the middle of a word
        given().queryParam("role", ".*").get("/speakers").then().statusCode(200).body("totalCount", equalTo(0));

        given().queryParam("speakerId", id).get("/statements").then()
                .body("totalCount", equalTo(3))
                // newest article first, then by index
                .body("items.id", equalTo(List.of(second.articleId + ":0", first.articleId + ":0", first.articleId + ":1")));
    }

    @Test
    void aLaterFullNameUpgradesASurnameOnlySpeaker() {
        String surname = Articles.name();
        Articles first = Articles.article("surname-first").publishedAt("2024-01-10T08:00:00Z")
                .speaker("S1", "President " + surname, "PERSON", List.of(surname), "president", "Republic of " + surname + "ia")
                .statement("DIRECT", "Our borders are secure", "President " + surname, "said", "S1");
        first.deliver().statusCode(200);
        String id = speakerOf(first.articleId + ":0");
        given().get("/speakers/{id}", id).then().body("name", equalTo("President " + surname));

        Articles second = Articles.article("full-later").publishedAt("2024-01-12T08:00:00Z")
                .speaker("S1", "Ilham " + surname, "PERSON", List.of("Ilham " + surname), "president", null)
                .statement("INDIRECT", "the borders were secure", "Ilham " + surname, "said", "S1");
        second.deliver().statusCode(200);

        assertThat(speakerOf(second.articleId + ":0")).isEqualTo(id);
        given().get("/speakers/{id}", id).then()
                .body("name", equalTo("Ilham " + surname))
                .body("statementCount", equalTo(2))
                .body("aliases", hasItems("President " + surname, surname, "Ilham " + surname));

        // and a third article with the bare surname now finds the upgraded speaker
        Articles third = Articles.article("surname-again")
                .speaker("S1", surname, "PERSON", List.of(), null, null)
                .statement("DIRECT", "No comment", surname, "said", "S1");
        third.deliver().statusCode(200);
        assertThat(speakerOf(third.articleId + ":0")).isEqualTo(id);
    }

    @Test
    void peopleSharingASurnameWithConflictingOrganisationsStayApart() {
        String surname = Articles.name();
        Articles first = Articles.article("org-a")
                .speaker("S1", "Maria " + surname, "PERSON", List.of(surname), "chief executive", "Acme Widgets")
                .statement("DIRECT", "Widgets are selling well", "Maria " + surname, "said", "S1");
        Articles second = Articles.article("org-b")
                .speaker("S1", surname, "PERSON", List.of(surname), "coach", "Northern Football Club")
                .statement("DIRECT", "We played badly", surname, "said", "S1");
        Articles third = Articles.article("org-c")
                .speaker("S1", "Peter " + surname, "PERSON", List.of(), "goalkeeper", "Southern Football Club")
                .statement("DIRECT", "We played well", "Peter " + surname, "said", "S1");
        first.deliver().statusCode(200);
        second.deliver().statusCode(200);
        third.deliver().statusCode(200);

        String maria = speakerOf(first.articleId + ":0");
        String coach = speakerOf(second.articleId + ":0");
        String peter = speakerOf(third.articleId + ":0");
        assertThat(List.of(maria, coach, peter)).doesNotHaveDuplicates();
        given().get("/speakers/{id}", coach).then().body("name", equalTo(surname)).body("statementCount", equalTo(1));

        // the surname with the coach's organisation is the coach
        Articles fourth = Articles.article("ambiguous")
                .speaker("S1", surname, "PERSON", List.of(), "coach", "Northern Football Club")
                .statement("DIRECT", "Training is on", surname, "said", "S1");
        fourth.deliver().statusCode(200);
        assertThat(speakerOf(fourth.articleId + ":0")).isEqualTo(coach);

        // the bare surname without organisation is ambiguous now (Maria and the coach are both called so): a new speaker
        Articles fifth = Articles.article("ambiguous")
                .speaker("S1", surname, "PERSON", List.of(), null, null)
                .statement("DIRECT", "Who knows", surname, "said", "S1");
        fifth.deliver().statusCode(200);
        assertThat(speakerOf(fifth.articleId + ":0")).isNotIn(maria, coach, peter);
    }

    @Test
    void organisationsMatchByName() {
        String country = Articles.name() + "stan";
        Articles first = Articles.article("country-1")
                .speaker("S1", country, "COUNTRY", List.of(), null, null)
                .statement("INDIRECT", "it would not negotiate", country, "said", "S1");
        Articles second = Articles.article("country-2")
                .speaker("S1", country, "COUNTRY", List.of("the " + country + " government"), null, null)
                .statement("INDIRECT", "it would negotiate after all", country, "announced", "S1");
        first.deliver().statusCode(200);
        second.deliver().statusCode(200);
        assertThat(speakerOf(second.articleId + ":0")).isEqualTo(speakerOf(first.articleId + ":0"));
    }

    @Test
    void searchListsAndOrdersSpeakers() {
        String surname = Articles.name();
        Articles article = Articles.article("search")
                .speaker("S1", "Olga " + surname, "PERSON", List.of("Olga " + surname), null, null)
                .speaker("S2", "Boris " + surname + "son", "PERSON", List.of(), null, null)
                .statement("DIRECT", "One", "Olga", "said", "S1")
                .statement("DIRECT", "Two", "Olga", "said", "S1")
                .statement("DIRECT", "Three", "Boris", "said", "S2");
        article.deliver().statusCode(200);
        String olga = speakerOf(article.articleId + ":0");
        String boris = speakerOf(article.articleId + ":2");

        // a prefix of a name word, case-insensitive: both; ordered by statement count
        given().queryParam("search", surname.toUpperCase()).get("/speakers").then().statusCode(200)
                .body("totalCount", equalTo(2))
                .body("items.id", equalTo(List.of(olga, boris)))
                .body("items[0].statementCount", equalTo(2));
        given().queryParam("search", "olga " + surname.substring(0, 4)).get("/speakers").then()
                .body("items.id", equalTo(List.of(olga)));
        given().queryParam("id", boris).queryParam("id", olga).get("/speakers").then()
                .body("totalCount", equalTo(2));
        given().queryParam("id", olga).queryParam("limit", 1).queryParam("offset", 0).get("/speakers").then()
                .body("items", hasSize(1)).body("limit", equalTo(1));
        // regex and operator characters are no wildcards
        given().queryParam("search", ".*").get("/speakers").then().body("totalCount", equalTo(0));
        given().queryParam("search", surname.substring(0, 3) + ".*").get("/speakers").then().statusCode(200);
        given().queryParam("search", "$where").get("/speakers").then().statusCode(200).body("totalCount", equalTo(0));
        given().queryParam("limit", 1001).get("/speakers").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("limit"));
    }

    @Test
    void speakersKnownOnlyByARoleStayWithinTheirArticle() {
        Articles first = Articles.article("role-1")
                .speaker("S1", "the spokesman", "PERSON", List.of(), "spokesman", "Ministry of Roles")
                .statement("DIRECT", "No comment", "the spokesman", "said", "S1");
        Articles second = Articles.article("role-2")
                .speaker("S1", "the spokesman", "PERSON", List.of(), "spokesman", "Ministry of Roles")
                .statement("DIRECT", "Still no comment", "the spokesman", "said", "S1");
        first.deliver().statusCode(200);
        second.deliver().statusCode(200);
        String a = speakerOf(first.articleId + ":0");
        assertThat(speakerOf(second.articleId + ":0")).isNotEqualTo(a);
        given().get("/speakers/{id}", a).then().body("name", equalTo("the spokesman")).body("statementCount", equalTo(1));

        // a changed redelivery keeps it
        first.statement("INDIRECT", "there was nothing to add", "he", "said", "S1");
        first.deliver().statusCode(200).body("changed", equalTo(true));
        assertThat(speakerOf(first.articleId + ":1")).isEqualTo(a);
        given().get("/speakers/{id}", a).then().body("statementCount", equalTo(2));
    }

    @Test
    void unknownSpeakerIs404() {
        given().get("/speakers/{id}", "does-not-exist").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("does-not-exist"));
    }
}
