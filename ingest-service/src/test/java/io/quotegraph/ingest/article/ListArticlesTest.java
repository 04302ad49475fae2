package io.quotegraph.ingest.article;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.ingest.support.IngestTestResources;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.quotegraph.ingest.support.Articles.article;
import static io.quotegraph.ingest.support.Articles.create;
import static io.quotegraph.ingest.support.Articles.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(IngestTestResources.class)
class ListArticlesTest {

    private String source;
    /** ids by publication day 21..25 September 2023 */
    private final List<String> ids = new ArrayList<>();

    @BeforeEach
    void fiveArticlesOfOneSource() {
        source = "list-" + unique();
        ids.clear();
        for (int day = 21; day <= 25; day++) {
            Map<String, Object> a = article(unique());
            a.put("source", source);
            a.put("publishedAt", "2023-09-" + day + "T12:00:00Z");
            ids.add(create(a));
        }
    }

    private JsonPath list(String query) {
        return given().when().get("/articles?" + query).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void newestFirstWithPaging() {
        JsonPath first = list("source=" + source + "&limit=2");
        assertThat(first.getList("items.id", String.class)).containsExactly(ids.get(4), ids.get(3));
        assertThat(first.getInt("offset")).isZero();
        assertThat(first.getInt("limit")).isEqualTo(2);
        assertThat(first.getLong("totalCount")).isEqualTo(5);

        JsonPath second = list("source=" + source + "&limit=2&offset=2");
        assertThat(second.getList("items.id", String.class)).containsExactly(ids.get(2), ids.get(1));
        assertThat(second.getLong("totalCount")).isEqualTo(5);
        JsonPath last = list("source=" + source + "&limit=2&offset=4");
        assertThat(last.getList("items.id", String.class)).containsExactly(ids.get(0));
        assertThat(last.getLong("totalCount")).as("the last page's end, without a count").isEqualTo(5);
        JsonPath exactlyFull = list("source=" + source + "&limit=5");
        assertThat(exactlyFull.getList("items.id", String.class)).hasSize(5);
        assertThat(exactlyFull.getLong("totalCount")).isEqualTo(5);
        JsonPath beyond = list("source=" + source + "&offset=10");
        assertThat(beyond.getList("items")).isEmpty();
        assertThat(beyond.getLong("totalCount")).isEqualTo(5);
    }

    @Test
    void defaultLimitIs20() {
        JsonPath page = list("source=" + source);
        assertThat(page.getInt("limit")).isEqualTo(20);
        assertThat(page.getList("items.id", String.class)).containsExactly(
                ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0));
    }

    @Test
    void fromInclusiveToExclusive() {
        JsonPath page = list("source=" + source + "&from=2023-09-22T12:00:00Z&to=2023-09-24T12:00:00Z");
        assertThat(page.getList("items.id", String.class)).containsExactly(ids.get(2), ids.get(1));
        assertThat(page.getLong("totalCount")).isEqualTo(2);

        JsonPath byDate = list("source=" + source + "&from=2023-09-24");
        assertThat(byDate.getList("items.id", String.class)).containsExactly(ids.get(4), ids.get(3));
    }

    @Test
    void unknownSourceIsEmpty() {
        JsonPath page = list("source=no-such-" + unique());
        assertThat(page.getList("items")).isEmpty();
        assertThat(page.getLong("totalCount")).isZero();
    }

    @Test
    void byIdsReturnsExactlyThose() {
        String unknown = UUID.randomUUID().toString();
        JsonPath page = list("id=" + ids.get(0) + "&id=" + ids.get(3) + "&id=" + unknown + "&id=not-a-uuid&limit=4");
        assertThat(page.getList("items.id", String.class)).containsExactly(ids.get(3), ids.get(0));
        assertThat(page.getLong("totalCount")).isEqualTo(2);

        JsonPath withoutLimit = list("id=" + ids.get(1) + "&id=" + ids.get(2));
        assertThat(withoutLimit.getList("items.id", String.class)).containsExactlyInAnyOrder(ids.get(1), ids.get(2));
        assertThat(withoutLimit.getList("items.text", String.class)).allSatisfy(t -> assertThat(t).isNotBlank());
    }

    @Test
    void withoutTextEveryOtherFieldIsListedAndTheTextIsNot() {
        String query = "id=" + ids.get(1) + "&id=" + ids.get(3);
        JsonPath full = list(query);
        JsonPath withoutText = list(query + "&withText=false");
        assertThat(withoutText.getList("items.text")).containsExactly(null, null);
        assertThat(withoutText.getList("items.status", String.class)).allSatisfy(s -> assertThat(s).isNotBlank());
        assertThat(withoutText.getLong("totalCount")).isEqualTo(2);
        assertThat(withoutDeliveryState(list(query + "&withText=true")))
                .isEqualTo(withoutDeliveryState(full));
        List<Map<String, Object>> expected = new ArrayList<>();
        for (Map<String, Object> article : withoutDeliveryState(full)) {
            assertThat(article.get("text")).isNotNull();
            Map<String, Object> textless = new HashMap<>(article);
            textless.put("text", null);
            expected.add(textless);
        }
        assertThat(withoutDeliveryState(withoutText)).isEqualTo(expected);

        assertThat(list("source=" + source + "&limit=2&withText=false").getList("items.text")).containsExactly(null, null);
        given().when().get("/articles?withText=no").then().statusCode(400)
                .contentType("application/problem+json");
    }

    /** The outbox delivers in the background, so status may move from PENDING to DELIVERED between two reads. */
    private static List<Map<String, Object>> withoutDeliveryState(JsonPath page) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Map<String, Object> article : page.<Map<String, Object>>getList("items")) {
            Map<String, Object> stable = new HashMap<>(article);
            stable.remove("status");
            stable.remove("statusReason");
            items.add(stable);
        }
        return items;
    }

    @Test
    void hundredIdsAreAccepted() {
        StringBuilder query = new StringBuilder("limit=100");
        for (int i = 0; i < 99; i++) {
            query.append("&id=").append(UUID.randomUUID());
        }
        query.append("&id=").append(ids.get(2));
        assertThat(list(query.toString()).getList("items.id", String.class)).containsExactly(ids.get(2));
    }

    @Test
    void statusesAnswerEachKnownArticlesStateInTheOrderAsked() {
        String unknown = UUID.randomUUID().toString();
        for (String id : List.of(ids.get(0), ids.get(2))) {
            io.quotegraph.ingest.support.Eventually.await("delivery of " + id, java.time.Duration.ofSeconds(60),
                    () -> given().get("/articles/" + id).then().statusCode(200).extract().<String>path("status"),
                    "DELIVERED"::equals);
        }
        JsonPath statuses = given().when().get("/articles/statuses?id=" + ids.get(2) + "&id=" + unknown
                        + "&id=not-a-uuid&id=" + ids.get(0) + "&id=" + ids.get(2))
                .then().statusCode(200).extract().jsonPath();
        assertThat(statuses.getList("items.id", String.class)).containsExactly(ids.get(2), ids.get(0));
        assertThat(statuses.getList("items.status", String.class)).containsExactly("DELIVERED", "DELIVERED");
        assertThat(statuses.getList("items.deliveredAt", String.class)).allSatisfy(t -> assertThat(t).isNotBlank());
        // the state alone: none of the article's other fields
        assertThat(statuses.<Map<String, Object>>getList("items").get(0)).containsOnlyKeys("id", "status", "deliveredAt");

        given().when().get("/articles/statuses").then().statusCode(400).contentType("application/problem+json");
        StringBuilder tooMany = new StringBuilder("/articles/statuses?id=" + ids.get(1));
        for (int i = 0; i < 100; i++) {
            tooMany.append("&id=").append(UUID.randomUUID());
        }
        given().when().get(tooMany.toString()).then().statusCode(400).contentType("application/problem+json");
    }
}
