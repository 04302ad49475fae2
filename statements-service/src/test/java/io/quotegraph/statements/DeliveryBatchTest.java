package io.quotegraph.statements;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** {@code POST /articles/extractions}: a batch stores what delivering its articles one by one stores. */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
class DeliveryBatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUOTE = "We will not accept any attempt to redraw borders by force, and we will keep "
            + "supporting our partners for as long as it takes";

    /**
     * Five articles by one person named in several ways (and a namesake), with a briefing two of them report, a quote
     * two of them repeat, an entity a statement names, a meeting three of them report (articles 0 and 2, which a batch
     * of four delivers together, and 4, which comes in a later batch) and a speech two of them report with the
     * article's speaker as participant (articles 1 and 4: one event only when both names resolve to one person, and
     * article 1's newer version no longer reports it).
     */
    private static List<Articles> articles(String prefix, String surname) {
        String anna = "Anna " + surname;
        // places named after the person, so that the sets of articles of different tests never meet
        String country = surname + "land";
        String other = surname + "stan";
        String city = surname + "ville";
        List<Articles> articles = new ArrayList<>();
        articles.add(new Articles(prefix + "-0").publishedAt("2024-03-04T09:00:00Z")
                .speaker("S1", anna, "PERSON", List.of(anna, surname), "minister", "Ministry of Tests")
                .statement("DIRECT", QUOTE, anna, "said", "S1", "PRESS_BRIEFING", "2024-03-04")
                .statement("INDIRECT", "the talks with " + country + " went well", surname, "added", "S1")
                .about(country, "COUNTRY", null)
                .event("MEETING", "HAPPENED", "2024-03-03", List.of(country, other), city,
                        "the ministers met in " + city, true));
        articles.add(new Articles(prefix + "-1").publishedAt("2024-03-04T12:00:00Z")
                .speaker("S1", surname, "PERSON", List.of(surname), "minister", null)
                .statement("INDIRECT", "the briefing covered the budget", surname, "told reporters", "S1",
                        "PRESS_BRIEFING", "2024-03-04")
                .event("SPEECH", "HAPPENED", "2024-03-04", List.of(), null, "she spoke on Monday", true)
                .participant(surname, "PERSON", "S1")
                .statement("MIXED", "a second point about the budget", "she", "noted", "S1"));
        articles.add(new Articles(prefix + "-2").publishedAt("2024-03-05T09:00:00Z")
                .speaker("S1", "Minister " + anna, "PERSON", List.of("Minister " + anna), "minister", "Ministry of Tests")
                .statement("DIRECT", QUOTE, "Minister " + anna, "said", "S1")
                .event("MEETING", "HAPPENED", "2024-03-03", List.of(country, other), city,
                        "they met in " + city + " on Sunday", false));
        articles.add(new Articles(prefix + "-3").publishedAt("2024-03-05T10:00:00Z")
                .speaker("S1", "Boris " + surname, "PERSON", List.of("Boris " + surname), "mayor", "City of Tests")
                .statement("DIRECT", "The city will build more tests", "Boris " + surname, "said", "S1"));
        articles.add(new Articles(prefix + "-4").publishedAt("2024-03-06T09:00:00Z")
                .speaker("S1", anna, "PERSON", List.of(anna), null, null)
                .statement("INDIRECT", "no statement was planned", anna, "said", "S1", "INTERVIEW", null)
                .event("SPEECH", "HAPPENED", "2024-03-04", List.of(), null, "her speech on Monday", true)
                .participant(anna, "PERSON", "S1")
                .event("MEETING", "HAPPENED", "2024-03-03", List.of(country), city, "the meeting in " + city, true));
        return articles;
    }

    /** A newer version of article 1: one statement fewer, and its speaker now fully named. */
    private static Articles changedSecond(String prefix, String surname) {
        return new Articles(prefix + "-1").publishedAt("2024-03-04T12:00:00Z").extractorVersion("test-2")
                .speaker("S1", "Anna " + surname, "PERSON", List.of("Anna " + surname), "minister", null)
                .statement("INDIRECT", "the briefing covered the budget", "Anna " + surname, "told reporters", "S1",
                        "PRESS_BRIEFING", "2024-03-04");
    }

    static ValidatableResponse deliverAll(List<Articles> articles) {
        return deliverAll(articles.stream().map(Articles::payload).toList());
    }

    static ValidatableResponse deliverAll(Object payloads) {
        return given().contentType(ContentType.JSON).body(payloads).when().post("/articles/extractions").then();
    }

    @Test
    void aBatchStoresWhatItsArticlesDeliveredOneByOneStore() throws Exception {
        String singleSurname = Articles.name();
        String batchSurname = Articles.name();
        String single = "single-" + Articles.unique();
        String batch = "batch-" + Articles.unique();

        // first deliveries, then a newer version of one article with a new article
        List<Articles> singles = articles(single, singleSurname);
        for (Articles article : singles.subList(0, 4)) {
            article.deliver().statusCode(200).body("changed", equalTo(true));
        }
        changedSecond(single, singleSurname).deliver().statusCode(200).body("statements", equalTo(1));
        singles.get(4).deliver().statusCode(200);

        List<Articles> batched = articles(batch, batchSurname);
        deliverAll(batched.subList(0, 4)).statusCode(200)
                .body("articles.articleId", equalTo(batched.subList(0, 4).stream().map(a -> a.articleId).toList()))
                .body("articles.status", equalTo(List.of(200, 200, 200, 200)))
                .body("articles.statements", equalTo(List.of(2, 2, 1, 1)))
                .body("articles.changed", equalTo(List.of(true, true, true, true)));
        deliverAll(List.of(changedSecond(batch, batchSurname), batched.get(4))).statusCode(200)
                .body("articles.statements", equalTo(List.of(1, 1)))
                .body("articles.changed", equalTo(List.of(true, true)));

        String expected = snapshot(single, singleSurname);
        assertThat(expected).contains("\"statementCount\":5").contains("\"articleCount\":2").contains("Press briefing by Anna SURNAME")
                .contains("\"articleIds\":[\"PREFIX-0\",\"PREFIX-2\",\"PREFIX-4\"]").contains("\"type\":\"SPEECH\"");
        assertThat(snapshot(batch, batchSurname)).isEqualTo(expected);
    }

    /**
     * Event and quotation keys follow a statement's speaker, and reported events their participants: articles delivered
     * one by one in opposite orders (so that re-clustering moves earlier articles' names in one order and not in the
     * other) answer the same.
     */
    @Test
    void theOrderOfDeliveryDoesNotChangeWhatIsStored() throws Exception {
        String forwardSurname = Articles.name();
        String reverseSurname = Articles.name();
        String forward = "forward-" + Articles.unique();
        String reverse = "reverse-" + Articles.unique();
        for (Articles article : articles(forward, forwardSurname)) {
            article.deliver().statusCode(200);
        }
        List<Articles> reversed = new ArrayList<>(articles(reverse, reverseSurname));
        Collections.reverse(reversed);
        for (Articles article : reversed) {
            article.deliver().statusCode(200);
        }
        String expected = snapshot(forward, forwardSurname);
        assertThat(expected).contains("\"articleIds\":[\"PREFIX-0\",\"PREFIX-2\",\"PREFIX-4\"]")
                .contains("\"articleIds\":[\"PREFIX-1\",\"PREFIX-4\"]");
        assertThat(snapshot(reverse, reverseSurname)).isEqualTo(expected);
    }

    @Test
    void redeliveringABatchChangesNothing() throws Exception {
        String surname = Articles.name();
        String prefix = "again-" + Articles.unique();
        List<Articles> articles = articles(prefix, surname);
        deliverAll(articles).statusCode(200).body("articles.changed", equalTo(List.of(true, true, true, true, true)));
        String before = snapshot(prefix, surname);

        deliverAll(articles).statusCode(200)
                .body("articles.changed", equalTo(List.of(false, false, false, false, false)))
                .body("articles.statements", equalTo(List.of(2, 2, 1, 1, 1)));
        // an article of the batch delivered again on its own, and the batch in another order with one changed
        articles.get(2).deliver().statusCode(200).body("changed", equalTo(false));
        assertThat(snapshot(prefix, surname)).isEqualTo(before);

        List<Articles> reordered = new ArrayList<>(articles);
        Collections.reverse(reordered);
        reordered.set(3, changedSecond(prefix, surname));
        deliverAll(reordered).statusCode(200)
                .body("articles.changed", equalTo(List.of(false, false, false, true, false)));
        assertThat(snapshot(prefix, surname)).isNotEqualTo(before).contains("\"statementCount\":5");
    }

    @Test
    void anInvalidArticleIsRejectedAloneWithItsReason() {
        String prefix = "mixed-" + Articles.unique();
        List<Articles> articles = articles(prefix, Articles.name()).subList(0, 2);
        Map<String, Object> invalid = new Articles(prefix + "-bad")
                .statement("DIRECT", "said by nobody known", "someone", "said", "NOPE").payload();
        deliverAll(List.of(articles.get(0).payload(), invalid, articles.get(1).payload())).statusCode(200)
                .body("articles.status", equalTo(List.of(200, 400, 200)))
                .body("articles[1].articleId", equalTo(prefix + "-bad"))
                .body("articles[1].detail", startsWith("articles[1].extraction.statements[0].speakerKey"));
        given().queryParam("articleId", articles.get(1).articleId).get("/statements").then()
                .body("totalCount", equalTo(2));
        given().queryParam("articleId", prefix + "-bad").get("/statements").then().body("totalCount", equalTo(0));
    }

    @Test
    void batchesOutsideTheLimitsAreProblems() {
        String prefix = "limits-" + Articles.unique();
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            tooMany.add(new Articles(prefix + "-" + i).payload());
        }
        deliverAll(tooMany).statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:quotegraph:problem:payload-too-large"))
                .body("detail", equalTo("articles: at most 100 per batch, got 101"));
        deliverAll(List.of()).statusCode(400).contentType("application/problem+json")
                .body("detail", startsWith("articles: at least one"));
        Map<String, Object> once = new Articles(prefix + "-twice").payload();
        deliverAll(List.of(once, once)).statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("articles[1].articleId: '" + prefix + "-twice' appears more than once"));
        given().contentType(ContentType.JSON).body("{\"articleId\":\"x\"}").post("/articles/extractions").then()
                .statusCode(400).contentType("application/problem+json");
        // nothing of the refused batches was stored
        given().queryParam("articleId", prefix + "-0").get("/statements").then().body("totalCount", equalTo(0));
        given().get("/speakers").then().statusCode(200);
    }

    /**
     * What the read APIs answer about the articles "{prefix}-0" … "-4": their statements with their speakers, events
     * and quotations, each as the read API shows it, with ids replaced by labels in order of first appearance and the
     * surname and prefix replaced, so that two sets of articles with different names compare equal.
     */
    private static String snapshot(String prefix, String surname) throws Exception {
        Map<String, String> labels = new LinkedHashMap<>();
        ObjectNode out = JSON.createObjectNode();
        ArrayNode statements = out.putArray("statements");
        List<String> speakerIds = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        List<String> statementIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            JsonNode page = read(given().queryParam("articleId", prefix + "-" + i).queryParam("limit", 1000)
                    .get("/statements").then().statusCode(200).extract().asString());
            for (JsonNode statement : page.get("items")) {
                statements.add(statement);
                statementIds.add(statement.get("id").asText());
                addId(speakerIds, statement.get("speakerId"));
                addId(eventIds, statement.get("occasionId"));
                statement.get("aboutIds").forEach(id -> addId(speakerIds, id));
                statement.get("aboutEventIds").forEach(id -> addId(eventIds, id));
            }
        }
        ArrayNode speakers = out.putArray("speakers");
        for (String id : speakerIds) {
            speakers.add(read(given().get("/speakers/{id}", id).then().statusCode(200).extract().asString()));
        }
        ArrayNode events = out.putArray("events");
        for (String id : eventIds) {
            events.add(read(given().get("/events/{id}", id).then().statusCode(200).extract().asString()));
        }
        ArrayNode quotations = out.putArray("quotations");
        for (String id : statementIds) {
            quotations.add(read(given().queryParam("statementId", id).get("/quotations").then().statusCode(200)
                    .extract().asString()));
        }
        String text = JSON.writeValueAsString(out).replace(surname, "SURNAME").replace(prefix, "PREFIX")
                .replace(QUOTE, "QUOTE");
        // speaker, event and quotation ids (a quotation's ends with a hash of its speaker): labels in order of first appearance
        java.util.regex.Matcher ids = java.util.regex.Pattern
                .compile("\"(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[A-Za-z]*:?[0-9a-f]{16,64}|[^\"]*~[0-9a-f]{8})\"")
                .matcher(text);
        StringBuilder labelled = new StringBuilder();
        while (ids.find()) {
            ids.appendReplacement(labelled, "\"" + labels.computeIfAbsent(ids.group(), id -> "#" + labels.size()) + "\"");
        }
        ids.appendTail(labelled);
        return labelled.toString();
    }

    private static void addId(List<String> ids, JsonNode id) {
        if (id != null && !id.isNull() && !ids.contains(id.asText())) {
            ids.add(id.asText());
        }
    }

    private static JsonNode read(String json) throws Exception {
        return JSON.readTree(json);
    }
}
