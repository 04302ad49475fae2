package io.quotegraph.ingest.support;

import io.restassured.http.ContentType;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Test data and small API helpers. */
public final class Articles {

    private Articles() {
    }

    /**
     * A unique plain-text article: headline line, then two body paragraphs naming {@code marker} three times, so that
     * two of these articles are far from near-duplicates of each other (MinHashTest checks it).
     */
    public static Map<String, Object> article(String marker) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", "https://news.example.org/" + marker);
        body.put("source", "test-source");
        body.put("publishedAt", "2023-09-26T09:00:00Z");
        body.put("language", "en");
        body.put("text", "Headline about " + marker + "\n"
                + "\"We are concerned about " + marker + ",\" spokesman Matthew Miller told a press briefing about " + marker
                + " on Monday.\n"
                + "He added that talks on " + marker + " would continue.");
        return body;
    }

    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    public static long count() {
        return given().when().get("/articles?limit=1").then().statusCode(200)
                .extract().jsonPath().getLong("totalCount");
    }

    public static String create(Map<String, Object> article) {
        return given().contentType(ContentType.JSON).body(article)
                .when().post("/articles")
                .then().statusCode(201)
                .extract().jsonPath().getString("id");
    }
}
