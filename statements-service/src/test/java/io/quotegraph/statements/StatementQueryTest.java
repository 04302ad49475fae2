package io.quotegraph.statements;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.statements.statement.repository.StatementRepository;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@WithTestResource(MongoTestResource.class)
class StatementQueryTest {

    private Articles older;
    private Articles newer;
    private String word;

    @BeforeEach
    void deliver() {
        word = Articles.unique(); // a word only this test's statements contain
        String surname = Articles.name();
        older = Articles.article("older").publishedAt("2024-04-01T09:00:00Z")
                .speaker("S1", "Lena " + surname, "PERSON", List.of(), "mayor", "City of " + surname)
                .statement("DIRECT", "The " + word + " bridge won’t close", "Lena " + surname, "said", "S1")
                .statement("INDIRECT", "the " + word + " budget was balanced", "she", "said", "S1")
                .statement("DIRECT", "Where is the money? $where .* " + word, "she", "asked", "S1");
        newer = Articles.article("newer").publishedAt("2024-04-03T09:00:00Z")
                .speaker("S1", "Tomas " + Articles.name(), "PERSON", List.of(), null, null)
                .statement("MIXED", "the BRIDGE " + word + " would \"won't\" reopen", "Tomas", "claimed", "S1")
                .statement("INDIRECT", "Nothing about " + word + " here", "he", "said", null);
        older.deliver().statusCode(200);
        newer.deliver().statusCode(200);
    }

    private RequestSpecification mine() {
        return given().queryParam("articleId", older.articleId).queryParam("articleId", newer.articleId);
    }

    @Test
    void listsAllInOrderWithPaging() {
        mine().get("/statements").then().statusCode(200)
                .body("totalCount", equalTo(5))
                .body("offset", equalTo(0))
                .body("limit", equalTo(20))
                .body("items.id", equalTo(List.of(newer.articleId + ":0", newer.articleId + ":1",
                        older.articleId + ":0", older.articleId + ":1", older.articleId + ":2")));
        mine().queryParam("offset", 2).queryParam("limit", 2).get("/statements").then()
                .body("totalCount", equalTo(5))
                .body("items.id", equalTo(List.of(older.articleId + ":0", older.articleId + ":1")));
        mine().queryParam("offset", 10).get("/statements").then()
                .body("totalCount", equalTo(5)).body("items", hasSize(0));
        mine().queryParam("limit", 0).get("/statements").then()
                .body("totalCount", equalTo(5)).body("items", hasSize(0));
    }

    @Test
    void filtersBySourceAndOrdersOldestFirst() {
        mine().queryParam("order", "OLDEST").get("/statements").then().statusCode(200)
                .body("items.id", equalTo(List.of(older.articleId + ":0", older.articleId + ":1", older.articleId + ":2",
                        newer.articleId + ":0", newer.articleId + ":1")));
        mine().queryParam("source", older.source).get("/statements").then().body("totalCount", equalTo(5));
        mine().queryParam("source", "elsewhere-" + word).get("/statements").then().body("totalCount", equalTo(0));
        given().queryParam("order", "sideways").get("/statements").then().statusCode(400)
                .body("detail", containsString("order"));
    }

    @Test
    void unfilteredListsWork() {
        given().get("/statements").then().statusCode(200)
                .body("limit", equalTo(20)).body("offset", equalTo(0))
                .body("totalCount", org.hamcrest.Matchers.greaterThanOrEqualTo(5));
        given().get("/speakers").then().statusCode(200)
                .body("totalCount", org.hamcrest.Matchers.greaterThanOrEqualTo(2));
        given().get("/events").then().statusCode(200);
    }

    @Inject
    StatementRepository statements;

    /**
     * The unfiltered list is read through the deliveries in publication order (not by sorting every statement): its
     * pages are those of the sort, in both orders, with ties on publishedAt and an article whose slots are not all
     * filled (a statement gone, as while a shorter redelivery is in progress).
     */
    @Test
    void unfilteredPagesAreThoseOfTheFullSort() {
        Articles.article("tie").publishedAt("2024-04-01T09:00:00Z")
                .speaker("S1", "Ada " + Articles.name(), "PERSON", List.of(), null, null)
                .statement("DIRECT", "One " + word, "Ada", "said", "S1")
                .statement("DIRECT", "Two " + word, "Ada", "said", "S1")
                .deliver().statusCode(200);
        Articles gap = Articles.article("gap").publishedAt("2024-04-02T09:00:00Z")
                .speaker("S1", "Ben " + Articles.name(), "PERSON", List.of(), null, null)
                .statement("DIRECT", "First " + word, "Ben", "said", "S1")
                .statement("DIRECT", "Second " + word, "Ben", "said", "S1")
                .statement("DIRECT", "Third " + word, "Ben", "said", "S1");
        gap.deliver().statusCode(200);
        statements.deleteByIds(List.of(gap.articleId + ":1"));

        int total = given().get("/statements").then().statusCode(200).extract().path("totalCount");
        for (boolean oldestFirst : new boolean[]{false, true}) {
            // pages at the start, the end, and across this test's articles (the store holds other tests' too)
            List<String> all = statements.page(new Document(), oldestFirst, 0, total, d -> d.getString("_id")).items();
            java.util.SortedSet<Integer> offsets = new java.util.TreeSet<>(List.of(0, 1, 2, 3, 5, 8));
            for (String id : List.of(gap.articleId + ":0", gap.articleId + ":2", older.articleId + ":0")) {
                int at = all.indexOf(id);
                org.assertj.core.api.Assertions.assertThat(at).as(id).isNotNegative();
                for (int near = at - 4; near <= at + 2; near++) {
                    offsets.add(Math.max(0, near));
                }
            }
            for (int back = 0; back <= 3; back++) {
                offsets.add(Math.max(0, total - back));
            }
            for (int limit : new int[]{1, 3, 7, 50}) {
                for (int offset : offsets) {
                    List<String> listed = given().queryParam("offset", offset).queryParam("limit", limit)
                            .queryParam("order", oldestFirst ? "OLDEST" : "NEWEST").get("/statements")
                            .then().statusCode(200).body("totalCount", equalTo(total))
                            .extract().path("items.id");
                    org.assertj.core.api.Assertions.assertThat(listed)
                            .as("offset %d limit %d oldest first %s", offset, limit, oldestFirst)
                            .isEqualTo(all.subList(Math.min(offset, total), Math.min(offset + limit, total)));
                }
            }
        }
    }

    @Test
    void textSearchRequiresEveryWordCaseInsensitively() {
        given().queryParam("text", word).get("/statements").then().body("totalCount", equalTo(5));
        given().queryParam("text", "bridge " + word.toUpperCase()).get("/statements").then()
                .body("items.id", equalTo(List.of(newer.articleId + ":0", older.articleId + ":0")));
        // curly and straight apostrophes are the same word
        given().queryParam("text", word + " won't").get("/statements").then()
                .body("items.id", equalTo(List.of(newer.articleId + ":0", older.articleId + ":0")));
        given().queryParam("text", word + " won’t bridge budget").get("/statements").then()
                .body("totalCount", equalTo(0));
        given().queryParam("text", word + ", budget!").get("/statements").then()
                .body("items.id", equalTo(List.of(older.articleId + ":1")));
    }

    @Test
    void textSearchInputIsNeverAnOperatorOrRegex() {
        // "$where" is just the word "where"
        given().queryParam("text", "$where " + word).get("/statements").then().statusCode(200)
                .body("items.id", equalTo(List.of(older.articleId + ":2")));
        given().queryParam("text", "{\"$where\": \"true\"}").get("/statements").then().statusCode(200);
        // ".*" is no wildcard: it has no words, so it matches nothing
        given().queryParam("text", ".*").get("/statements").then().statusCode(200).body("totalCount", equalTo(0));
        given().queryParam("text", word.substring(0, 4) + ".*").get("/statements").then().statusCode(200)
                .body("totalCount", equalTo(0));
        given().queryParam("text", "^" + word.substring(0, 3)).get("/statements").then().body("totalCount", equalTo(0));
        // a speaker id that looks like an operator is a plain value
        given().queryParam("speakerId", "{\"$ne\": null}").get("/statements").then().statusCode(200)
                .body("totalCount", equalTo(0));
    }

    @Test
    void filtersByKindSpeakerArticleAndDate() {
        String speaker = given().get("/statements/{id}", older.articleId + ":0").then().extract().path("speakerId");
        mine().queryParam("kind", "DIRECT").get("/statements").then()
                .body("items.id", equalTo(List.of(older.articleId + ":0", older.articleId + ":2")));
        mine().queryParam("kind", "mixed").get("/statements").then()
                .body("items.id", equalTo(List.of(newer.articleId + ":0")));
        given().queryParam("speakerId", speaker).get("/statements").then().body("totalCount", equalTo(3));
        given().queryParam("articleId", newer.articleId).get("/statements").then().body("totalCount", equalTo(2))
                .body("items[1].speakerId", equalTo(null));
        given().queryParam("id", older.articleId + ":1").queryParam("id", newer.articleId + ":1").get("/statements").then()
                .body("items.id", equalTo(List.of(newer.articleId + ":1", older.articleId + ":1")));
        mine().queryParam("from", "2024-04-02T00:00:00Z").get("/statements").then().body("totalCount", equalTo(2));
        mine().queryParam("to", "2024-04-02T00:00:00Z").get("/statements").then().body("totalCount", equalTo(3));
        mine().queryParam("from", "2024-04-01T09:00:00Z").queryParam("to", "2024-04-01T09:00:00Z").get("/statements")
                .then().body("totalCount", equalTo(3));
        mine().queryParam("from", "2024-04-03").queryParam("to", "2024-04-03").get("/statements")
                .then().body("totalCount", equalTo(2));
    }

    @Test
    void invalidParametersAre400Problems() {
        given().queryParam("limit", 1001).get("/statements").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("limit"));
        given().queryParam("limit", "ten").get("/statements").then().statusCode(400).body("detail", containsString("limit"));
        given().queryParam("offset", -1).get("/statements").then().statusCode(400).body("detail", containsString("offset"));
        given().queryParam("kind", "SHOUTED").get("/statements").then().statusCode(400).body("detail", containsString("kind"));
        given().queryParam("from", "yesterday").get("/statements").then().statusCode(400).body("detail", containsString("from"));
        given().queryParam("from", "2024-05-01T00:00:00Z").queryParam("to", "2024-04-01T00:00:00Z").get("/statements")
                .then().statusCode(400);
        RequestSpecification many = given();
        for (int i = 0; i < 101; i++) {
            many.queryParam("speakerId", "s" + i);
        }
        many.get("/statements").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("speakerId"));
    }
}
