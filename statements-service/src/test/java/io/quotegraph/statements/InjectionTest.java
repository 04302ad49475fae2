package io.quotegraph.statements;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * User text never reaches a MongoDB query as an operator, a regex or JavaScript: operator-like input on every search
 * parameter is read as literal words, so it never matches everything and never fails with a 5xx.
 */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
class InjectionTest {

    /** Operators, regex metacharacters, JavaScript and JSON documents as a user could type them. */
    private static final List<String> HOSTILE = List.of(
            "{\"$ne\": null}", "{\"$gt\": \"\"}", "{\"$regex\": \".*\"}", "{\"$where\": \"true\"}", "$where", "$ne",
            "this.name != null", "function() { return true; }", ".*", "^", "$", "a|b", "[a-z]+", "(", ")", "\\", "*",
            "?", "+", "{", "}", "[", "%", "'; db.dropDatabase(); '", "\u0000", "{\"$expr\": {\"$eq\": [1, 1]}}");

    private String word;
    private String surname;
    private Articles article;

    @BeforeEach
    void deliver() {
        word = Articles.unique();
        surname = Articles.name();
        article = Articles.article("injection")
                .speaker("S1", "Vera " + surname, "PERSON", List.of(), "minister", "Ministry of " + surname)
                .statement("DIRECT", "The " + word + " plan is {\"$ne\": null} and a|b in Lisbon", "Vera " + surname, "said", "S1")
                .about("Lisbon", "LOCATION", null)
                .statement("DIRECT", "Nothing else about " + word, "she", "said", "S1");
        article.deliver().statusCode(200);
    }

    @Test
    void statementTextIsLiteralWords() {
        long all = total(given().get("/statements"));
        assertThat(all).isGreaterThanOrEqualTo(2);
        for (String hostile : HOSTILE) {
            long found = total(given().queryParam("text", hostile).get("/statements"));
            assertThat(found).as("statements matching %s", hostile).isLessThan(all);
            // combined with this test's word: only a literal occurrence of the hostile words can match
            ExtractableResponse<Response> mine = ok(given().queryParam("text", word + " " + hostile).get("/statements"));
            for (String content : mine.jsonPath().getList("items.content.text", String.class)) {
                assertThat(content).as("a match of '%s'", hostile).containsIgnoringCase(word);
            }
        }
        // the operator-like text that the statement really contains is found, as words
        given().queryParam("text", word + " {\"$ne\": null}").get("/statements").then().statusCode(200)
                .body("totalCount", equalTo(1)).body("items[0].id", equalTo(article.articleId + ":0"));
        given().queryParam("text", word + " a|b").get("/statements").then().statusCode(200).body("totalCount", equalTo(1));
        given().queryParam("text", word + " {\"$gt\": \"\"}").get("/statements").then().statusCode(200).body("totalCount", equalTo(0));
        given().queryParam("text", word + " .*").get("/statements").then().statusCode(200).body("totalCount", equalTo(2));
        given().queryParam("text", ".*").get("/statements").then().statusCode(200).body("totalCount", equalTo(0));
    }

    @Test
    void speakerSearchIsLiteralWordPrefixes() {
        long all = total(given().get("/speakers"));
        for (String hostile : HOSTILE) {
            long found = total(given().queryParam("search", hostile).get("/speakers"));
            assertThat(found).as("speakers matching %s", hostile).isLessThan(all);
            given().queryParam("search", surname + " " + hostile).get("/speakers").then().statusCode(200)
                    .body("totalCount", org.hamcrest.Matchers.lessThanOrEqualTo(1));
        }
        given().queryParam("search", surname).get("/speakers").then().statusCode(200).body("totalCount", equalTo(1));
        given().queryParam("search", surname.substring(0, 4) + ".*").get("/speakers").then().statusCode(200)
                .body("items.name", org.hamcrest.Matchers.hasItem("Vera " + surname));
        given().queryParam("search", "^" + surname.substring(1)).get("/speakers").then().statusCode(200)
                .body("totalCount", equalTo(0)); // no anchor: "^" is a separator and the rest prefixes no word
        given().queryParam("search", surname + "|Vera").get("/speakers").then().statusCode(200)
                .body("totalCount", equalTo(1)); // "|" is a separator between two words, not an alternative
    }

    @Test
    void entitySearchIsLiteralWordPrefixes() {
        long all = total(given().get("/entities"));
        for (String hostile : HOSTILE) {
            long found = total(given().queryParam("search", hostile).get("/entities"));
            assertThat(found).as("entities matching %s", hostile).isLessThan(all);
        }
        given().queryParam("search", "{\"$regex\": \"" + surname + "\"}").get("/entities").then().statusCode(200)
                .body("totalCount", equalTo(0));
    }

    @Test
    void operatorDocumentsAsIdsMatchNothing() {
        for (String hostile : HOSTILE) {
            for (String parameter : List.of("id", "speakerId", "articleId", "entityId", "occasionId")) {
                given().queryParam(parameter, hostile).get("/statements").then().statusCode(200).body("totalCount", equalTo(0));
            }
            given().queryParam("id", hostile).get("/speakers").then().statusCode(200).body("totalCount", equalTo(0));
            given().queryParam("id", hostile).get("/entities").then().statusCode(200).body("totalCount", equalTo(0));
            // percent-encoded by hand: REST Assured would read the braces of a path parameter value as a template
            String path = "/statements/" + java.net.URLEncoder.encode(hostile, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
            int status = given().urlEncodingEnabled(false).get(path).then().extract().statusCode();
            assertThat(status).as("GET /statements/%s", hostile).isIn(400, 404);
        }
    }

    /** Operator documents in JSON bodies: where a string is expected they are refused, as strings they match nothing. */
    @Test
    void operatorDocumentsInJsonBodiesAreRefusedOrLiteral() {
        String speakerId = given().get("/statements/{id}", article.articleId + ":0").then().statusCode(200)
                .extract().path("speakerId");
        for (String action : List.of("rename", "add-alias", "merge")) {
            // an object where the id string belongs: the typed body refuses it
            String objectId = "{\"speakerId\": {\"$ne\": null}, \"targetId\": {\"$gt\": \"\"}, \"sourceIds\": [\"x\"],"
                    + " \"name\": \"X\", \"alias\": \"X\", \"curator\": \"t\"}";
            given().contentType("application/json").body(objectId).post("/curation/" + action).then()
                    .statusCode(400).contentType("application/problem+json");
            // the same operators as strings are ids that do not exist
            String stringId = "{\"speakerId\": \"{\\\"$ne\\\": null}\", \"targetId\": \"$where\", \"sourceIds\": [\".*\"],"
                    + " \"name\": \"X\", \"alias\": \"X\", \"curator\": \"t\"}";
            int status = given().contentType("application/json").body(stringId).post("/curation/" + action).then()
                    .contentType("application/problem+json").extract().statusCode();
            assertThat(status).as("POST /curation/%s with operator-like ids", action).isIn(400, 404);
        }
        // an alias that looks like an operator is stored and found as text, and changes no other speaker
        given().contentType("application/json")
                .body(java.util.Map.of("speakerId", speakerId, "alias", "{\"$gt\": \"\"}", "curator", "t"))
                .post("/curation/add-alias").then().statusCode(200)
                .body("aliases", org.hamcrest.Matchers.hasItem("{\"$gt\": \"\"}"));
        for (String hostile : HOSTILE) {
            given().queryParam("speakerId", hostile).get("/curation/log").then().statusCode(200).body("totalCount", equalTo(0));
            for (String parameter : List.of("location", "type", "participantId", "articleId", "id")) {
                int status = given().queryParam(parameter, hostile).get("/events").then().extract().statusCode();
                assertThat(status).as("GET /events?%s=%s", parameter, hostile).isIn(200, 400);
                if (status == 200) {
                    given().queryParam(parameter, hostile).get("/events").then().body("totalCount", equalTo(0));
                }
            }
            for (String parameter : List.of("speakerId", "statementId")) {
                // a speaker that does not exist is a 404 (problem+json), never a match of every speaker
                int status = given().queryParam(parameter, hostile).get("/quotations").then().extract().statusCode();
                assertThat(status).as("GET /quotations?%s=%s", parameter, hostile).isIn(200, 400, 404);
                if (status == 200) {
                    given().queryParam(parameter, hostile).get("/quotations").then().body("totalCount", equalTo(0));
                }
            }
        }
    }

    private static ExtractableResponse<Response> ok(Response response) {
        assertThat(response.statusCode()).as(response.body().asString()).isEqualTo(200);
        return response.then().extract();
    }

    private static long total(Response response) {
        return ok(response).jsonPath().getLong("totalCount");
    }
}
