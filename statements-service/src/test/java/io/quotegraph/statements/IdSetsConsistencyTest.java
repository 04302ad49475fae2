package io.quotegraph.statements;

import com.mongodb.client.model.Filters;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.statements.common.IdSets;
import io.quotegraph.statements.common.Mongo;
import io.quotegraph.statements.event.service.EventService;
import io.quotegraph.statements.speaker.repository.ArticleSpeakerRepository;
import io.quotegraph.statements.speaker.service.SpeakerService;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * The derived counts that deliveries keep through {@link IdSets} (speakers' and events' statement counts and articles)
 * agree with what a scan of the statements finds, after first deliveries, changed and shorter redeliveries, curation
 * and ids that a crash left behind in a set.
 */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
class IdSetsConsistencyTest {

    @Inject
    Mongo mongo;
    @Inject
    IdSets sets;
    @Inject
    SpeakerService speakers;
    @Inject
    EventService events;

    private static String speakerOf(String statementId) {
        return given().get("/statements/{id}", statementId).then().statusCode(200).extract().path("speakerId");
    }

    private static String occasionOf(String statementId) {
        return given().get("/statements/{id}", statementId).then().statusCode(200).extract().path("occasionId");
    }

    /** The speaker's stored count equals the statements that name it as their speaker. */
    private void assertSpeakerCounts(String... speakerIds) {
        for (String id : speakerIds) {
            long scanned = mongo.collection(Mongo.STATEMENTS).countDocuments(Filters.eq("speakerId", id));
            Document speaker = mongo.collection(Mongo.SPEAKERS).find(Filters.eq("_id", id)).first();
            assertThat(speaker).as("speaker %s", id).isNotNull();
            assertThat(speaker.get("statementCount", Number.class).longValue()).as("statements of %s", id).isEqualTo(scanned);
        }
    }

    /** The event's stored count and articles equal those of the statements made at it. */
    private void assertEventCounts(String eventId) {
        List<Document> made = mongo.collection(Mongo.STATEMENTS).find(Filters.eq("occasionId", eventId)).into(new ArrayList<>());
        Document event = mongo.collection(Mongo.EVENTS).find(Filters.eq("_id", eventId)).first();
        assertThat(event.get("statementCount", Number.class).longValue()).isEqualTo(made.size());
        assertThat(event.getList("articleIds", String.class))
                .isEqualTo(new ArrayList<>(new TreeSet<>(made.stream().map(d -> d.getString("articleId")).toList())));
    }

    @Test
    void countsFollowRedeliveriesShorterDeliveriesAndCuration() {
        String surname = Articles.name();
        Articles first = Articles.article("sets-1").publishedAt("2024-06-04T15:00:00Z")
                .speaker("S1", "Karl " + surname, "PERSON", List.of(surname), "spokesman", "Ministry of Sets")
                .statement("DIRECT", "The exercise is routine", "Karl " + surname, "told", "S1", "PRESS_BRIEFING", "2024-06-03")
                .statement("DIRECT", "No troops will move", surname, "said", "S1", "PRESS_BRIEFING", "2024-06-03")
                .statement("INDIRECT", "he had no comment", surname, "said", "S1");
        Articles second = Articles.article("sets-2").publishedAt("2024-06-05T07:00:00Z")
                .speaker("S1", "Karl " + surname, "PERSON", List.of(), "spokesman", "Ministry of Sets")
                .statement("INDIRECT", "the exercise was routine", surname, "told", "S1", "PRESS_BRIEFING", "2024-06-03")
                .statement("DIRECT", "We will publish a report", surname, "said", "S1");
        first.deliver().statusCode(200);
        second.deliver().statusCode(200);
        String karl = speakerOf(first.articleId + ":0");
        String briefing = occasionOf(first.articleId + ":0");
        assertThat(speakerOf(second.articleId + ":0")).isEqualTo(karl);
        assertSpeakerCounts(karl);
        assertEventCounts(briefing);
        given().get("/speakers/{id}", karl).then().statusCode(200).body("statementCount", equalTo(5));

        // the same payload again changes nothing; a shorter one removes the surplus statements and their event links
        first.deliver().statusCode(200).body("changed", equalTo(false));
        first.statements.subList(1, 3).clear();
        first.statements.get(0).remove("occasion");
        first.extractorVersion("test-2").deliver().statusCode(200).body("statements", equalTo(1));
        given().get("/statements/{id}", first.articleId + ":1").then().statusCode(404);
        assertSpeakerCounts(karl);
        assertEventCounts(briefing);
        assertThat(sets.membersOf(IdSets.EVENT_STATEMENTS, briefing)).containsExactly(second.articleId + ":0");
        given().queryParam("articleId", first.articleId).get("/statements").then()
                .body("totalCount", equalTo(1));

        // split the second article off, then merge it back: both speakers' counts follow
        List<String> split = given().header("X-Quotegraph-Actor", "alice").contentType(ContentType.JSON)
                .body(Map.of("speakerId", karl, "articleIds", List.of(second.articleId)))
                .post("/curation/split").then().statusCode(200).extract().jsonPath().getList("id", String.class);
        String other = split.get(1);
        assertThat(speakerOf(second.articleId + ":1")).isEqualTo(other);
        assertSpeakerCounts(karl, other);
        assertThat(sets.membersOf(IdSets.SPEAKER_MAPPINGS, karl))
                .doesNotContain(ArticleSpeakerRepository.id(second.articleId, "S1"));
        given().header("X-Quotegraph-Actor", "alice").contentType(ContentType.JSON)
                .body(Map.of("targetId", karl, "sourceIds", List.of(other)))
                .post("/curation/merge").then().statusCode(200);
        assertSpeakerCounts(karl);
        given().get("/speakers/{id}", karl).then().body("statementCount", equalTo(3));
    }

    @Test
    void idsThatACrashLeftInASetAreIgnored() {
        String surname = Articles.name();
        Articles article = Articles.article("sets-crash")
                .speaker("S1", "Lena " + surname, "PERSON", List.of(), "mayor", "City of Sets")
                .statement("DIRECT", "The bridge opens in May", "Lena " + surname, "said", "S1", "PRESS_CONFERENCE", "2024-04-02");
        Articles unrelated = Articles.article("sets-unrelated")
                .speaker("S1", "Omar " + Articles.name(), "PERSON", List.of(), null, null)
                .statement("DIRECT", "Nothing to add", "Omar", "said", "S1", "PRESS_CONFERENCE", "2024-04-02");
        article.deliver().statusCode(200);
        unrelated.deliver().statusCode(200);
        String lena = speakerOf(article.articleId + ":0");
        String event = occasionOf(article.articleId + ":0");
        // as if a delivery had added these ids and crashed before writing the documents they stand for
        sets.add(IdSets.SPEAKER_MAPPINGS, lena, List.of(ArticleSpeakerRepository.id(unrelated.articleId, "S1"), "no-such|S1"));
        sets.add(IdSets.EVENT_STATEMENTS, event, List.of(unrelated.articleId + ":0", "no-such:0"));

        speakers.refresh(List.of(lena));
        events.refresh(List.of(event));

        assertSpeakerCounts(lena);
        assertEventCounts(event);
        // the articles naming her are her mappings' own, not those of ids left behind in her set
        given().queryParam("articleId", article.articleId).get("/entities").then()
                .body("items.id", hasItem(lena));
        given().queryParam("articleId", unrelated.articleId).get("/entities").then()
                .body("items.id", not(hasItem(lena)));
    }

    @Test
    void eventsOfAnArticleAreReadFromItsIdSetKeptOnRedelivery() {
        String surname = Articles.name();
        Articles first = Articles.article("sets-events-1").publishedAt("2024-07-02T15:00:00Z")
                .speaker("S1", "Ines " + surname, "PERSON", List.of(), "spokeswoman", "Ministry of Sets")
                .statement("DIRECT", "The talks went well", "Ines " + surname, "said", "S1", "PRESS_BRIEFING", "2024-07-01")
                .event("MEETING", "PLANNED", "2024-07-20", List.of("Sets"), "Geneva" + Articles.unique(), "to meet on July 20", true);
        Articles second = Articles.article("sets-events-2").publishedAt("2024-07-03T08:00:00Z")
                .speaker("S1", "Ines " + surname, "PERSON", List.of(), "spokeswoman", "Ministry of Sets")
                .statement("INDIRECT", "the talks had gone well", surname, "said", "S1", "PRESS_BRIEFING", "2024-07-01");
        first.deliver().statusCode(200);
        second.deliver().statusCode(200);
        String briefing = occasionOf(first.articleId + ":0");
        List<String> reported = given().get("/statements/{id}", first.articleId + ":0").then().statusCode(200)
                .extract().jsonPath().getList("aboutEventIds", String.class);
        assertThat(reported).hasSize(1);
        String meeting = reported.get(0);

        // written on delivery: the article's occasion and the event it reports
        assertThat(sets.membersOf(IdSets.ARTICLE_EVENTS, first.articleId)).containsExactlyInAnyOrder(briefing, meeting);
        assertThat(sets.membersOf(IdSets.ARTICLE_EVENTS, second.articleId)).containsExactly(briefing);
        given().queryParam("articleId", first.articleId).get("/events").then().statusCode(200)
                .body("totalCount", equalTo(2)).body("items.id", org.hamcrest.Matchers.containsInAnyOrder(briefing, meeting));
        given().queryParam("articleId", first.articleId).queryParam("articleId", second.articleId)
                .queryParam("type", "press briefing").get("/events").then().body("items.id", equalTo(List.of(briefing)));
        given().queryParam("articleId", first.articleId).queryParam("id", meeting).get("/events").then()
                .body("items.id", equalTo(List.of(meeting)));

        // a redelivery without the occasion and the reported event takes the article out of both
        first.statements.get(0).remove("occasion");
        first.statements.get(0).remove("aboutEvents");
        first.events.clear();
        first.extractorVersion("test-2").deliver().statusCode(200);
        assertThat(sets.membersOf(IdSets.ARTICLE_EVENTS, first.articleId)).isEmpty();
        assertThat(sets.membersOf(IdSets.ARTICLE_EVENTS, second.articleId)).containsExactly(briefing);
        given().queryParam("articleId", first.articleId).get("/events").then().body("totalCount", equalTo(0));
        given().get("/events/{id}", meeting).then().statusCode(404);

        // the list reads the set: an id missing from it is not found, one left behind by a crash is ignored
        sets.remove(IdSets.ARTICLE_EVENTS, second.articleId, List.of(briefing));
        given().queryParam("articleId", second.articleId).get("/events").then().body("totalCount", equalTo(0));
        sets.add(IdSets.ARTICLE_EVENTS, second.articleId, List.of(briefing, meeting, "no-such-event"));
        given().queryParam("articleId", second.articleId).get("/events").then()
                .body("totalCount", equalTo(1)).body("items.id", equalTo(List.of(briefing)));
    }

    @Test
    void articleSetsAreFilledOnceFromEventsStoredBeforeThem() {
        // events as a store written before the article sets existed holds them
        String articleId = "legacy-" + Articles.unique();
        String eventId = "legacy-event-" + Articles.unique();
        mongo.collection(Mongo.EVENTS).insertOne(new Document("_id", eventId).append("key", "LEGACY|" + eventId)
                .append("type", "MEETING").append("title", "Meeting").append("date", "2020-01-02")
                .append("articleIds", List.of(articleId)).append("statementCount", 1L));
        given().queryParam("articleId", articleId).get("/events").then().body("totalCount", equalTo(0));

        mongo.collection(IdSets.COLLECTION).deleteOne(Filters.eq("_id", "filled:" + IdSets.ARTICLE_EVENTS));
        events.fillArticleSets();
        assertThat(sets.isFilled(IdSets.ARTICLE_EVENTS)).isTrue();
        given().queryParam("articleId", articleId).get("/events").then().body("items.id", equalTo(List.of(eventId)));

        // once: from then on only deliveries write the sets
        String later = "legacy-event-" + Articles.unique();
        mongo.collection(Mongo.EVENTS).insertOne(new Document("_id", later).append("key", "LEGACY|" + later)
                .append("type", "MEETING").append("title", "Meeting").append("date", "2020-01-03")
                .append("articleIds", List.of(articleId)).append("statementCount", 1L));
        events.fillArticleSets();
        assertThat(sets.membersOf(IdSets.ARTICLE_EVENTS, articleId)).containsExactly(eventId);
    }
}
