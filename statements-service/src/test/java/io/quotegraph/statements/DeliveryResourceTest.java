package io.quotegraph.statements;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(MongoTestResource.class)
class DeliveryResourceTest {

    private static Articles threeStatements() {
        String surname = Articles.name();
        return Articles.article("delivery")
                .speaker("S1", "Anna " + surname, "PERSON", List.of("Anna " + surname, surname), "minister", "Ministry of Tests")
                .statement("DIRECT", "We will test everything", "Anna " + surname, "said", "S1")
                .statement("INDIRECT", "the tests were green", surname, "added", "S1")
                .statement("MIXED", "a third statement about tests", "she", "noted", "S1");
    }

    @Test
    void deliveryStoresStatementsWithDeterministicIds() {
        Articles article = threeStatements();
        article.deliver().statusCode(200)
                .body("articleId", equalTo(article.articleId))
                .body("statements", equalTo(3))
                .body("changed", equalTo(true));

        given().get("/statements/{id}", article.articleId + ":1").then().statusCode(200)
                .body("id", equalTo(article.articleId + ":1"))
                .body("articleId", equalTo(article.articleId))
                .body("index", equalTo(1))
                .body("kind", equalTo("INDIRECT"))
                .body("content.text", equalTo("the tests were green"))
                .body("content.start", equalTo(article.text.indexOf("the tests were green")))
                .body("cue.text", equalTo("added"))
                .body("speakerMention.text", equalTo(((List<?>) article.speakers.get(0).get("aliases")).get(1)))
                .body("confidence", equalTo(0.9f))
                .body("occasionId", nullValue())
                .body("publishedAt", equalTo("2024-03-05T10:00:00Z"))
                .body("source", equalTo("test"));
    }

    @Test
    void redeliveringTheSamePayloadChangesNothing() {
        Articles article = threeStatements();
        article.deliver().statusCode(200).body("changed", equalTo(true));
        String speakerId = given().get("/statements/{id}", article.articleId + ":0").then().extract().path("speakerId");

        article.deliver().statusCode(200).body("statements", equalTo(3)).body("changed", equalTo(false));

        given().queryParam("articleId", article.articleId).get("/statements").then()
                .body("totalCount", equalTo(3));
        given().get("/speakers/{id}", speakerId).then().statusCode(200).body("statementCount", equalTo(3));
        given().get("/statements/{id}", article.articleId + ":0").then().body("speakerId", equalTo(speakerId));
    }

    @Test
    void changedRedeliveryKeepsSpeakerAndAShorterOneRemovesSurplusStatements() {
        Articles article = threeStatements();
        article.deliver().statusCode(200);
        String speakerId = given().get("/statements/{id}", article.articleId + ":0").then().extract().path("speakerId");

        Map<String, Object> shorter = article.payload();
        @SuppressWarnings("unchecked")
        Map<String, Object> extraction = (Map<String, Object>) shorter.get("extraction");
        extraction.put("statements", new ArrayList<>(article.statements.subList(0, 1)));
        extraction.put("extractorVersion", "test-2");
        Articles.deliver(article.articleId, shorter).statusCode(200)
                .body("statements", equalTo(1)).body("changed", equalTo(true));

        given().queryParam("articleId", article.articleId).get("/statements").then()
                .body("totalCount", equalTo(1))
                .body("items[0].id", equalTo(article.articleId + ":0"))
                .body("items[0].speakerId", equalTo(speakerId));
        given().get("/statements/{id}", article.articleId + ":1").then().statusCode(404);
        given().get("/speakers/{id}", speakerId).then().body("statementCount", equalTo(1));

        // and back to the full payload: statements return, count follows
        article.deliver().statusCode(200).body("statements", equalTo(3)).body("changed", equalTo(true));
        given().get("/speakers/{id}", speakerId).then().body("statementCount", equalTo(3));
    }

    @Test
    void unknownStatementIs404Problem() {
        given().get("/statements/{id}", "no-such-article:0").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", containsString("no-such-article:0"));
    }

    @Test
    void articleIdMustMatchThePath() {
        Articles article = threeStatements();
        Articles.deliver("other-id", article.payload()).statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("articleId"));
    }

    @Test
    void missingExtractionIsRejected() {
        Articles article = threeStatements();
        Map<String, Object> payload = article.payload();
        payload.put("extraction", null);
        Articles.deliver(article.articleId, payload).statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:quotegraph:problem:invalid-input"))
                .body("detail", containsString("extraction"));
    }

    @Test
    void spanOutOfOrderIsRejectedNamingTheField() {
        Articles article = threeStatements();
        article.statements.get(1).put("content", Articles.span(20, 10, "xxxxxxxxxx"));
        article.deliver().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("content"));
    }

    @Test
    void unknownSpeakerKeyIsRejectedNamingTheField() {
        Articles article = threeStatements();
        article.statements.get(2).put("speakerKey", "S9");
        article.deliver().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("extraction.statements[2].speakerKey"))
                .body("detail", containsString("S9"));
    }

    @Test
    void tooManyStatementsAreRejected() {
        Articles article = threeStatements();
        Map<String, Object> payload = article.payload();
        @SuppressWarnings("unchecked")
        Map<String, Object> extraction = (Map<String, Object>) payload.get("extraction");
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 5001; i++) {
            many.add(article.statements.get(0));
        }
        extraction.put("statements", many);
        Articles.deliver(article.articleId, payload).statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("extraction.statements"))
                .body("detail", containsString("5000"));
        given().queryParam("articleId", article.articleId).get("/statements").then().body("totalCount", equalTo(0));
    }

    @Test
    void entityMentionsAreCappedAndNeedANameAndAType() {
        Articles article = threeStatements();
        Map<String, Object> payload = article.payload();
        @SuppressWarnings("unchecked")
        Map<String, Object> extraction = (Map<String, Object>) payload.get("extraction");
        Map<String, Object> mention = new java.util.LinkedHashMap<>();
        mention.put("span", Articles.span(0, 5, "Paris"));
        mention.put("name", "Paris");
        mention.put("type", "LOCATION");
        extraction.put("entities", java.util.Collections.nCopies(20_001, mention));
        Articles.deliver(article.articleId, payload).statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("extraction.entities"))
                .body("detail", containsString("20000"));

        Map<String, Object> nameless = new java.util.LinkedHashMap<>(mention);
        nameless.remove("name");
        extraction.put("entities", List.of(mention, nameless));
        Articles.deliver(article.articleId, payload).statusCode(400)
                .body("detail", containsString("extraction.entities[1]"));
        given().queryParam("articleId", article.articleId).get("/statements").then().body("totalCount", equalTo(0));
    }

    @Test
    void unknownFieldsAndMalformedJsonAreRejected() {
        Articles article = threeStatements();
        Map<String, Object> payload = new LinkedHashMap<>(article.payload());
        payload.put("bogus", 1);
        Articles.deliver(article.articleId, payload).statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("bogus"));

        given().contentType(ContentType.JSON).body("{\"articleId\": ")
                .put("/articles/{id}/extraction", article.articleId)
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void missingKindIsRejected() {
        Articles article = threeStatements();
        article.statements.get(0).remove("kind");
        article.deliver().statusCode(400)
                .body("detail", containsString("extraction.statements[0].kind"));
    }

    @Test
    void emptyExtractionIsAccepted() {
        Articles article = Articles.article("empty");
        article.deliver().statusCode(200).body("statements", equalTo(0)).body("changed", equalTo(true));
        article.deliver().statusCode(200).body("changed", equalTo(false));
        given().queryParam("articleId", article.articleId).get("/statements").then()
                .body("items", hasSize(0)).body("totalCount", equalTo(0));
    }
}
