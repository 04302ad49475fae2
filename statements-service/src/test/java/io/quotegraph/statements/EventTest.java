package io.quotegraph.statements;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@WithTestResource(MongoTestResource.class)
class EventTest {

    private static JsonPath statement(String id) {
        return given().get("/statements/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void occasionsBecomeEventsSharedAcrossArticles() {
        String surname = Articles.name();
        Articles first = Articles.article("briefing-1").publishedAt("2024-06-04T15:00:00Z")
                .speaker("S1", "Karl " + surname, "PERSON", List.of(surname), "spokesman", "Ministry of Defence")
                .statement("DIRECT", "The exercise is routine", "Karl " + surname, "told", "S1", "PRESS_BRIEFING", "2024-06-03")
                .statement("DIRECT", "No troops will move", surname, "said", "S1", "PRESS_BRIEFING", "2024-06-03")
                .statement("INDIRECT", "he had no comment", surname, "said", "S1");
        Articles second = Articles.article("briefing-2").publishedAt("2024-06-05T07:00:00Z")
                .speaker("S1", surname, "PERSON", List.of(), "spokesman", "Defence Ministry")
                .statement("INDIRECT", "the exercise was routine", surname, "told", "S1", "PRESS_BRIEFING", "2024-06-03")
                .statement("DIRECT", "We will publish a report", surname, "said", "S1", "INTERVIEW", null);
        first.deliver().statusCode(200);
        second.deliver().statusCode(200);

        JsonPath a = statement(first.articleId + ":0");
        String eventId = a.getString("occasionId");
        String speakerId = a.getString("speakerId");
        assertThat(eventId).isNotNull();
        assertThat(statement(first.articleId + ":1").getString("occasionId")).isEqualTo(eventId);
        assertThat(statement(first.articleId + ":2").getString("occasionId")).isNull();
        assertThat(statement(second.articleId + ":0").getString("occasionId")).isEqualTo(eventId);
        assertThat(statement(second.articleId + ":0").getString("speakerId")).isEqualTo(speakerId);

        given().get("/events/{id}", eventId).then().statusCode(200)
                .body("id", equalTo(eventId))
                .body("type", equalTo("PRESS_BRIEFING"))
                .body("title", equalTo("Press briefing by Karl " + surname))
                .body("date", equalTo("2024-06-03"))
                .body("dateApproximate", equalTo(false))
                .body("status", equalTo("HAPPENED"))
                .body("participantIds", equalTo(List.of(speakerId)))
                .body("articleIds", equalTo(List.of(first.articleId, second.articleId).stream().sorted().toList()));

        // an undated occasion: dated at the article's publication, approximately
        String interview = statement(second.articleId + ":1").getString("occasionId");
        given().get("/events/{id}", interview).then()
                .body("type", equalTo("INTERVIEW"))
                .body("date", equalTo("2024-06-05"))
                .body("dateApproximate", equalTo(true))
                .body("articleIds", equalTo(List.of(second.articleId)));

        given().queryParam("occasionId", eventId).get("/statements").then().body("totalCount", equalTo(3));

        given().queryParam("participantId", speakerId).get("/events").then().statusCode(200)
                .body("totalCount", equalTo(2))
                .body("items.id", equalTo(List.of(interview, eventId))); // newest date first
        given().queryParam("participantId", speakerId).queryParam("type", "PRESS_BRIEFING").get("/events").then()
                .body("items.id", equalTo(List.of(eventId)));
        given().queryParam("participantId", speakerId).queryParam("from", "2024-06-04").get("/events").then()
                .body("items.id", equalTo(List.of(interview)));
        given().queryParam("participantId", speakerId).queryParam("to", "2024-06-03").get("/events").then()
                .body("items.id", equalTo(List.of(eventId)));
        given().queryParam("articleId", first.articleId).get("/events").then()
                .body("items.id", equalTo(List.of(eventId)));
        given().queryParam("id", eventId).queryParam("id", interview).queryParam("limit", 1).get("/events").then()
                .body("totalCount", equalTo(2)).body("items", hasSize(1));

        // the second article drops its briefing statement: the event no longer lists it
        second.statements.remove(0);
        second.deliver().statusCode(200).body("statements", equalTo(1));
        given().get("/events/{id}", eventId).then().body("articleIds", equalTo(List.of(first.articleId)));
    }

    @Test
    void invalidAndUnknown() {
        given().get("/events/{id}", "nope").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("nope"));
        given().queryParam("from", "June").get("/events").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("from"));
        given().queryParam("limit", 5000).get("/events").then().statusCode(400);
    }
}
