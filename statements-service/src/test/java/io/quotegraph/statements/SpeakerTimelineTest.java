package io.quotegraph.statements;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.extraction.StatementExtractor;
import io.quotegraph.model.ArticleExtraction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** GET /speakers/{id}/timeline and /speakers/timelines (speaker/service/SpeakerTimeline). */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
class SpeakerTimelineTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static String speakerId(String name) {
        return given().queryParam("search", name).get("/speakers").then().statusCode(200).extract()
                .jsonPath().getString("items.find { it.name == '" + name + "' }.id");
    }

    private static JsonPath timeline(String speakerId, Map<String, Object> params) {
        return given().queryParams(params).get("/speakers/{id}/timeline", speakerId).then().statusCode(200)
                .extract().jsonPath();
    }

    /** The sample articles, extracted by the real extractor and delivered as ingest-service would. */
    @Test
    void matthewMillersTimelineOverTheSampleArticles() throws IOException {
        String suffix = Articles.unique();
        List<String> articleIds = new ArrayList<>();
        for (String file : List.of("000_22d92712b785dfc5.json", "003_e7eb26b20c05329b.json")) {
            JsonNode sample;
            try (InputStream in = SpeakerTimelineTest.class.getResourceAsStream("/seeds/" + file)) {
                sample = JSON.readTree(in);
            }
            String articleId = file.substring(0, 3) + "-" + suffix;
            Instant publishedAt = Instant.parse(sample.get("publishedAt").asText());
            ArticleExtraction payload = new ArticleExtraction(articleId, sample.get("url").asText(), "sample", null,
                    publishedAt, "en", new StatementExtractor().extract(sample.get("text").asText(), publishedAt));
            given().contentType(ContentType.JSON).body(JSON.writeValueAsString(payload))
                    .put("/articles/{id}/extraction", articleId).then().statusCode(200);
            articleIds.add(articleId);
        }
        String miller = speakerId("Matthew Miller");
        JsonPath t = timeline(miller, Map.of("limit", 100));
        List<Map<String, Object>> items = t.getList("items");
        assertThat(items).hasSize(t.getInt("totalCount"));
        assertThat(t.getBoolean("hasNextPage")).isFalse();

        // his statements from both articles
        List<String> statementArticles = t.getList("items.findAll { it.kind == 'STATEMENT' }.statement.articleId");
        assertThat(statementArticles).contains(articleIds.get(0), articleIds.get(1));
        assertThat(t.getList("items.findAll { it.kind == 'STATEMENT' }.statement.speakerId", String.class)).containsOnly(miller);
        // the two briefings, each before the statements made at it
        List<String> briefingDates = t.getList("items.findAll { it.kind == 'EVENT' && it.event.type == 'PRESS_BRIEFING' }.date");
        assertThat(briefingDates).containsExactly("2023-09-25", "2023-09-27");
        // date order; on one day the event first
        List<String> keys = new ArrayList<>();
        for (Map<String, Object> item : items) {
            keys.add(item.get("date") + (item.get("kind").equals("EVENT") ? "0" : "1"));
        }
        assertThat(keys).isSorted();
        // the statements of the 2023-09-25 briefing are dated by it, not by the article (published 2023-09-26)
        List<String> firstArticleDates = t.getList("items.findAll { it.kind == 'STATEMENT' && it.statement.articleId == '"
                + articleIds.get(0) + "' && it.statement.occasionId != null }.date");
        assertThat(firstArticleDates).isNotEmpty().containsOnly("2023-09-25");
        String briefingId = t.getString("items.find { it.kind == 'EVENT' && it.date == '2023-09-25' }.event.id");
        assertThat(t.getList("items.findAll { it.kind == 'STATEMENT' && it.date == '2023-09-25' }.statement.occasionId",
                String.class)).containsOnly(briefingId);
    }

    @Test
    void datesPagesRangesAndReportedEvents() {
        String name = "Tess " + Articles.name();
        String country = "Ruritania" + Articles.unique();
        Articles first = Articles.article("timeline-1").publishedAt("2024-03-05T10:00:00Z")
                .speaker("S1", name, "PERSON", List.of(), "minister", null)
                .statement("DIRECT", "We will act", name, "said", "S1", "PRESS_BRIEFING", "2024-03-04")
                .statement("DIRECT", "Nothing changes", "she", "added", "S1")
                .event("VISIT", "HAPPENED", "2024-03-01", List.of(country), null, "the visit last Friday", false);
        // she took part in the visit: the participant is the article's speaker
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> parties = (List<Map<String, Object>>) first.events.get(0).get("participants");
        Map<String, Object> her = new java.util.LinkedHashMap<>(parties.get(0));
        her.put("name", name);
        her.put("type", "PERSON");
        her.put("speakerKey", "S1");
        parties.add(her);
        first.deliver().statusCode(200);
        Articles second = Articles.article("timeline-2").publishedAt("2024-02-20T08:00:00Z")
                .speaker("S1", name, "PERSON", List.of(), "minister", null)
                .statement("INDIRECT", "it was early", name, "said", "S1");
        second.deliver().statusCode(200);

        String id = speakerId(name);
        JsonPath all = timeline(id, Map.of());
        assertThat(all.getList("items.kind")).containsExactly("STATEMENT", "EVENT", "EVENT", "STATEMENT", "STATEMENT");
        assertThat(all.getList("items.date")).containsExactly("2024-02-20", "2024-03-01", "2024-03-04", "2024-03-04", "2024-03-05");
        assertThat(all.getList("items.dateApproximate")).containsExactly(true, false, false, false, true);
        assertThat(all.getString("items[1].event.type")).isEqualTo("VISIT");
        assertThat(all.getString("items[1].granularity")).isEqualTo("DAY");
        assertThat(all.getString("items[2].event.type")).isEqualTo("PRESS_BRIEFING");
        assertThat(all.getString("items[3].statement.id")).isEqualTo(first.articleId + ":0");
        assertThat(all.getInt("totalCount")).isEqualTo(5);

        // pages by cursor
        JsonPath page1 = timeline(id, Map.of("limit", 2));
        assertThat(page1.getList("items.date")).containsExactly("2024-02-20", "2024-03-01");
        assertThat(page1.getBoolean("hasNextPage")).isTrue();
        assertThat(page1.getInt("totalCount")).isEqualTo(5);
        JsonPath page2 = timeline(id, Map.of("limit", 2, "after", page1.getString("endCursor")));
        assertThat(page2.getList("items.date")).containsExactly("2024-03-04", "2024-03-04");
        JsonPath page3 = timeline(id, Map.of("limit", 2, "after", page2.getString("endCursor")));
        assertThat(page3.getList("items.date")).containsExactly("2024-03-05");
        assertThat(page3.getBoolean("hasNextPage")).isFalse();
        assertThat(page3.getString("endCursor")).isEqualTo(page3.getString("items[0].cursor"));

        // a date range
        JsonPath march = timeline(id, Map.of("from", "2024-03-01", "to", "2024-03-04"));
        assertThat(march.getList("items.kind")).containsExactly("EVENT", "EVENT", "STATEMENT");
        assertThat(march.getInt("totalCount")).isEqualTo(3);

        // several speakers at once, an unknown one empty
        given().queryParam("speakerId", id, "nobody-" + Articles.unique()).queryParam("limit", 1).get("/speakers/timelines")
                .then().statusCode(200)
                .body("speakerId[0]", equalTo(id)).body("items[0].date", equalTo(List.of("2024-02-20")))
                .body("totalCount", equalTo(List.of(5, 0)));
    }

    @Test
    void badParametersAreProblems() {
        String id = speakerId("Matthew Miller");
        String speaker = id != null ? id : "x";
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("after", "not-a-cursor"),
                Map.of("after", java.util.Base64.getUrlEncoder().encodeToString("offset:3".getBytes())),
                Map.of("from", "yesterday"), Map.of("from", "2024-03-05", "to", "2024-03-01"), Map.of("limit", 1001))) {
            given().queryParams(bad).get("/speakers/{id}/timeline", speaker).then().statusCode(400)
                    .contentType(containsString("application/problem+json"));
        }
        given().get("/speakers/{id}/timeline", "nobody-" + Articles.unique()).then().statusCode(404)
                .contentType(containsString("application/problem+json"));
        given().get("/speakers/timelines").then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("detail", containsString("speakerId"));
    }
}
