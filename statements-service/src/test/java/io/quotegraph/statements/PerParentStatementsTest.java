package io.quotegraph.statements;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.statements.common.Mongo;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * GET /statements/per-parent: each parent's first N and total are what GET /statements lists for that parent alone
 * (compared item for item, every field), for articles and for speakers; its limits; the speaker-count caveat.
 */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
class PerParentStatementsTest {

    @Inject
    Mongo mongo;

    /** What GET /statements lists for one parent: its first {@code first} items and its total. */
    private static JsonPath listed(String parameter, String id, int first) {
        return given().queryParam(parameter, id).queryParam("limit", first).get("/statements")
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath perParent(String parameter, List<String> ids, int first) {
        RequestSpecification request = given().queryParam("first", first);
        ids.forEach(id -> request.queryParam(parameter, id));
        return request.get("/statements/per-parent").then().statusCode(200).extract().jsonPath();
    }

    /** Each entry of the per-parent answer equals the single-parent list: same items (all fields), same total. */
    private static void assertSameAsList(String parameter, List<String> ids, int first) {
        JsonPath answer = perParent(parameter, ids, first);
        assertThat(answer.getList("parentId")).containsExactlyElementsOf(ids);
        for (int i = 0; i < ids.size(); i++) {
            JsonPath single = listed(parameter, ids.get(i), first);
            List<Map<String, Object>> items = answer.getList("[" + i + "].items");
            assertThat(items).as("%s %s first %d", parameter, ids.get(i), first)
                    .isEqualTo(single.getList("items"));
            assertThat(answer.getLong("[" + i + "].totalCount")).as("total of %s", ids.get(i))
                    .isEqualTo(single.getLong("totalCount"));
        }
    }

    private static Articles withStatements(Articles article, String speakerKey, int count) {
        IntStream.range(0, count).forEach(i -> article.statement(i % 2 == 0 ? "DIRECT" : "INDIRECT",
                "point number " + i + " " + Articles.unique(), "they", "said", speakerKey));
        return article;
    }

    @Test
    void articlesGetTheirFirstStatementsInTextOrderAndTheirTotals() {
        Articles five = withStatements(Articles.article("pp-five").speaker("S1", "Ada " + Articles.name(), "PERSON",
                List.of(), null, null), "S1", 5);
        Articles two = withStatements(Articles.article("pp-two").publishedAt("2024-05-01T00:00:00Z")
                .speaker("S1", "Bo " + Articles.name(), "PERSON", List.of(), null, null), "S1", 2);
        Articles none = Articles.article("pp-none");
        five.deliver().statusCode(200);
        two.deliver().statusCode(200);
        none.deliver().statusCode(200);
        List<String> ids = List.of(five.articleId, two.articleId, none.articleId, "pp-never-delivered-" + Articles.unique());
        for (int first : List.of(1, 3, 5, 100)) {
            assertSameAsList("articleId", ids, first);
        }
        JsonPath three = perParent("articleId", ids, 3);
        assertThat(three.getList("[0].items.id")).containsExactly(five.articleId + ":0", five.articleId + ":1",
                five.articleId + ":2");
        assertThat(three.getLong("[0].totalCount")).isEqualTo(5);
        assertThat(three.getList("[1].items.id")).containsExactly(two.articleId + ":0", two.articleId + ":1");
        assertThat(three.getList("[2].items")).isEmpty();
        assertThat(three.getLong("[3].totalCount")).isZero();

        // a shorter redelivery: the statements beyond its count are gone and the total follows
        Articles shorter = withStatements(new Articles(five.articleId).speaker("S1", "Ada X", "PERSON", List.of(), null, null),
                "S1", 2);
        shorter.deliver().statusCode(200);
        assertSameAsList("articleId", List.of(five.articleId), 3);
        assertThat(perParent("articleId", List.of(five.articleId), 3).getLong("[0].totalCount")).isEqualTo(2);
    }

    @Test
    void speakersGetTheirNewestStatementsAcrossArticlesAndTheirTotals() {
        String lena = "Lena " + Articles.name();
        String tomas = "Tomas " + Articles.name();
        // Lena speaks in three articles (2, 1 and 3 statements), Tomas in two; one article has both
        Articles march = withStatements(Articles.article("pp-march").publishedAt("2024-03-01T09:00:00Z")
                .speaker("S1", lena, "PERSON", List.of(), "mayor", "City"), "S1", 2);
        Articles april = Articles.article("pp-april").publishedAt("2024-04-01T09:00:00Z")
                .speaker("S1", lena, "PERSON", List.of(), "mayor", "City")
                .speaker("S2", tomas, "PERSON", List.of(), null, null);
        withStatements(april, "S2", 2);
        withStatements(april, "S1", 1);
        withStatements(april, "S2", 1);
        Articles may = withStatements(Articles.article("pp-may").publishedAt("2024-05-01T09:00:00Z")
                .speaker("S1", lena, "PERSON", List.of(), "mayor", "City"), "S1", 3);
        Articles june = withStatements(Articles.article("pp-june").publishedAt("2024-06-01T09:00:00Z")
                .speaker("S2", tomas, "PERSON", List.of(), null, null), "S2", 2);
        for (Articles article : List.of(march, april, may, june)) {
            article.deliver().statusCode(200);
        }
        String lenaId = listed("articleId", march.articleId, 1).getString("items[0].speakerId");
        String tomasId = listed("articleId", june.articleId, 1).getString("items[0].speakerId");
        assertThat(lenaId).isNotNull().isNotEqualTo(tomasId);
        assertThat(listed("articleId", may.articleId, 1).getString("items[0].speakerId")).isEqualTo(lenaId);

        List<String> ids = List.of(lenaId, tomasId, "no-such-speaker-" + Articles.unique());
        for (int first : List.of(1, 2, 3, 4, 6, 100)) {
            assertSameAsList("speakerId", ids, first);
        }
        JsonPath four = perParent("speakerId", ids, 4);
        assertThat(four.getList("[0].items.id")).containsExactly(may.articleId + ":0", may.articleId + ":1",
                may.articleId + ":2", april.articleId + ":2");
        assertThat(four.getLong("[0].totalCount")).isEqualTo(6);
        assertThat(four.getList("[1].items.id")).containsExactly(june.articleId + ":0", june.articleId + ":1",
                april.articleId + ":0", april.articleId + ":1");
        assertThat(four.getLong("[1].totalCount")).isEqualTo(5);
        assertThat(four.getList("[2].items")).isEmpty();
        assertThat(four.getLong("[2].totalCount")).isZero();
    }

    @Test
    void aSpeakersTotalComesFromItsMappingsAndCanDifferFromItsStatementsWhileAResolutionRuns() {
        Articles article = withStatements(Articles.article("pp-caveat")
                .speaker("S1", "Mira " + Articles.name(), "PERSON", List.of(), null, null), "S1", 3);
        article.deliver().statusCode(200);
        String speakerId = listed("articleId", article.articleId, 1).getString("items[0].speakerId");
        // resolution moves a name's mapping, then its statements, in separate writes: here a statement has moved
        // while the mapping (and so the count) has not yet
        mongo.collection(Mongo.STATEMENTS).updateOne(Filters.eq("_id", article.articleId + ":1"),
                Updates.set("speakerId", "moved-" + Articles.unique()));

        JsonPath answer = perParent("speakerId", List.of(speakerId), 10);
        JsonPath list = listed("speakerId", speakerId, 10);
        assertThat(answer.getList("[0].items")).isEqualTo(list.getList("items"));
        assertThat(answer.getList("[0].items.id")).containsExactly(article.articleId + ":0", article.articleId + ":2");
        assertThat(answer.getLong("[0].totalCount")).isEqualTo(3);
        assertThat(list.getLong("totalCount")).isEqualTo(2);
    }

    @Test
    void limitsAreEnforcedWithProblems() {
        List<String> hundredAndOne = IntStream.range(0, 101).mapToObj(i -> "a" + i).toList();
        List<String> eleven = IntStream.range(0, 11).mapToObj(i -> "a" + i).toList();
        List<String> ten = eleven.subList(0, 10);
        RequestSpecification[] bad = {
                given().queryParam("first", 5),                                                    // no parent
                given().queryParam("articleId", "a").queryParam("speakerId", "s").queryParam("first", 5), // both
                given().queryParam("articleId", "a"),                                              // no first
                given().queryParam("articleId", "a").queryParam("first", 0),
                given().queryParam("articleId", "a").queryParam("first", 101),
                given().queryParam("articleId", "a").queryParam("first", "ten"),
                given().queryParam("articleId", hundredAndOne).queryParam("first", 1),
                given().queryParam("speakerId", eleven).queryParam("first", 100),                  // 1100 > 1000
        };
        for (RequestSpecification request : bad) {
            request.get("/statements/per-parent").then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("query parameter"));
        }
        given().queryParam("speakerId", ten).queryParam("first", 100).get("/statements/per-parent")
                .then().statusCode(200);
        given().queryParam("articleId", hundredAndOne.subList(0, 100)).queryParam("first", 10)
                .get("/statements/per-parent").then().statusCode(200);
    }
}
