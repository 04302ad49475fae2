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
import static org.hamcrest.Matchers.equalTo;

/** Events articles report, linked across articles (event/service/ReportedEventService). */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
class ReportedEventTest {

    private static JsonPath statement(String id) {
        return given().get("/statements/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    private static List<String> aboutEvents(String statementId) {
        return statement(statementId).getList("aboutEventIds", String.class);
    }

    @Test
    void oneEventOverArticlesWhateverTheirOrder() {
        String place = "Karabakh" + Articles.unique();
        String country = "Azerbaijan" + Articles.unique();
        String meetingPlace = "Granada" + Articles.unique();
        Articles first = Articles.article("offensive-1").publishedAt("2023-09-26T09:00:00Z")
                .speaker("S1", "Matthew " + Articles.name(), "PERSON", List.of(), "spokesman", null)
                .statement("DIRECT", "We are concerned", "the spokesman", "said", "S1")
                .event("MILITARY_OPERATION", "HAPPENED", null, List.of(country), place, "the latest offensive", true)
                .event("MEETING", "PLANNED", "2023-10-02/2023-10-08 WEEK", List.of("Armenia", country), null, "going to meet next week", true);
        Articles second = Articles.article("offensive-2").publishedAt("2023-09-27T18:00:00Z")
                .speaker("S1", "Matthew " + Articles.name(), "PERSON", List.of(), "spokesman", null)
                .statement("DIRECT", "We welcome it", "the spokesman", "said", "S1")
                .event("MILITARY_OPERATION", "HAPPENED", "2023-09-18/2023-09-24 WEEK", List.of(country), place, "launched activities", false)
                .event("MEETING", "PLANNED", "2023-10-05", List.of(country, "Armenia"), meetingPlace, "set to meet Oct. 5", true)
                // another meeting: same parties, but a month later
                .event("MEETING", "PLANNED", "2023-11-20", List.of(country, "Armenia"), null, "to meet again in November", false);
        // the second article arrives first: linking must not depend on the order
        second.deliver().statusCode(200);
        first.deliver().statusCode(200);

        List<String> firstAbout = aboutEvents(first.articleId + ":0");
        assertThat(firstAbout).hasSize(2);
        String operation = firstAbout.get(0);
        String meeting = firstAbout.get(1);
        assertThat(aboutEvents(second.articleId + ":0")).containsExactly(meeting);

        given().get("/events/{id}", operation).then().statusCode(200)
                .body("type", equalTo("MILITARY_OPERATION"))
                .body("date", equalTo("2023-09-18")).body("endDate", equalTo("2023-09-24"))
                .body("granularity", equalTo("WEEK"))
                .body("status", equalTo("HAPPENED"))
                .body("locationName", equalTo(place))
                .body("participantNames", equalTo(List.of(country)))
                .body("articleIds", equalTo(List.of(first.articleId, second.articleId).stream().sorted().toList()))
                .body("evidence.span.text", equalTo(List.of("the latest offensive", "launched activities")));
        given().get("/events/{id}", meeting).then().statusCode(200)
                .body("date", equalTo("2023-10-05")).body("dateApproximate", equalTo(false))
                .body("locationName", equalTo(meetingPlace))
                .body("statementIds", equalTo(List.of(first.articleId + ":0", second.articleId + ":0").stream().sorted().toList()));

        given().queryParam("type", "MEETING").queryParam("location", meetingPlace.toLowerCase()).get("/events").then()
                .body("items.id", equalTo(List.of(meeting)));
        given().queryParam("type", "MILITARY_OPERATION").queryParam("status", "happened").queryParam("location", place)
                .get("/events").then().body("totalCount", equalTo(1));
        given().queryParam("type", "MEETING").queryParam("from", "2023-11-01").queryParam("participantId", "none").get("/events")
                .then().body("totalCount", equalTo(0));
        given().queryParam("status", "someday").get("/events").then().statusCode(400);

        // re-delivering the first article without its events leaves the second article's events on their own
        Articles firstAgain = new Articles(first.articleId).publishedAt("2023-09-26T09:00:00Z")
                .speaker("S1", "Matthew X", "PERSON", List.of(), "spokesman", null)
                .statement("DIRECT", "We are concerned", "the spokesman", "said", "S1");
        firstAgain.extractorVersion("test-2").deliver().statusCode(200);
        assertThat(aboutEvents(first.articleId + ":0")).isEmpty();
        List<String> remaining = aboutEvents(second.articleId + ":0");
        assertThat(remaining).hasSize(1);
        given().get("/events/{id}", remaining.get(0)).then().statusCode(200)
                .body("articleIds", equalTo(List.of(second.articleId)))
                .body("statementIds", equalTo(List.of(second.articleId + ":0")));
    }

    /**
     * A reported event names the participant its article's name resolves to now: when curation merges two people, the
     * events their articles report name the merged one, and two speeches that only differed by who gave them become
     * one event; a rename does not retitle them (a reported event is titled by its type and place).
     */
    @Test
    void participantsFollowRelinks() {
        String surname = Articles.name();
        Articles tony = Articles.article("speech-tony").publishedAt("2024-05-02T08:00:00Z")
                .speaker("S1", "Tony " + surname, "PERSON", List.of("Tony " + surname), "secretary", "Ministry of " + surname)
                .statement("DIRECT", "We stand together", "Tony " + surname, "said", "S1")
                .event("SPEECH", "HAPPENED", "2024-05-01", List.of(), null, "in a speech on Wednesday", true)
                .participant("Tony " + surname, "PERSON", "S1");
        Articles antony = Articles.article("speech-antony").publishedAt("2024-05-02T09:00:00Z")
                .speaker("S1", "Antony " + surname, "PERSON", List.of("Antony " + surname), "secretary", "Ministry of " + surname)
                .statement("DIRECT", "The talks continue", "Antony " + surname, "said", "S1")
                .event("SPEECH", "HAPPENED", "2024-05-01", List.of(), null, "his Wednesday speech", true)
                .participant("Antony " + surname, "PERSON", "S1");
        tony.deliver().statusCode(200);
        antony.deliver().statusCode(200);
        String tonyId = statement(tony.articleId + ":0").getString("speakerId");
        String antonyId = statement(antony.articleId + ":0").getString("speakerId");
        assertThat(tonyId).isNotEqualTo(antonyId);
        String tonySpeech = aboutEvents(tony.articleId + ":0").get(0);
        assertThat(aboutEvents(antony.articleId + ":0")).doesNotContain(tonySpeech);
        given().get("/events/{id}", tonySpeech).then().body("participantIds", equalTo(List.of(tonyId)));

        given().header("X-Quotegraph-Actor", "alice").contentType(ContentType.JSON)
                .body(Map.of("targetId", antonyId, "sourceIds", List.of(tonyId)))
                .post("/curation/merge").then().statusCode(200);
        String speech = aboutEvents(tony.articleId + ":0").get(0);
        assertThat(aboutEvents(antony.articleId + ":0")).containsExactly(speech);
        given().get("/events/{id}", speech).then().statusCode(200)
                .body("participantIds", equalTo(List.of(antonyId)))
                .body("articleIds", equalTo(List.of(tony.articleId, antony.articleId).stream().sorted().toList()))
                .body("title", equalTo("Speech"));
        given().queryParam("participantId", tonyId).get("/events").then().body("totalCount", equalTo(0));

        given().header("X-Quotegraph-Actor", "alice").contentType(ContentType.JSON)
                .body(Map.of("speakerId", antonyId, "name", "Antony " + surname + " Jr"))
                .post("/curation/rename").then().statusCode(200);
        given().get("/events/{id}", speech).then().body("title", equalTo("Speech"));
    }
}
