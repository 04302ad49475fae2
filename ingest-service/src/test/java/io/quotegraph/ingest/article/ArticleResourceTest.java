package io.quotegraph.ingest.article;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.ingest.support.IngestTestResources;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.quotegraph.ingest.support.Articles.article;
import static io.quotegraph.ingest.support.Articles.count;
import static io.quotegraph.ingest.support.Articles.create;
import static io.quotegraph.ingest.support.Articles.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@WithTestResource(IngestTestResources.class)
class ArticleResourceTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void createAnswers201WithLocationAndTheStoredArticle() {
        String marker = unique();
        Map<String, Object> body = article(marker);
        body.put("text", "Headline about " + marker + "\r\n\r\n\r\nThe  minister\u00A0said “yes” in Karabakh, ] a spokesman said.\n"
                + "Second paragraph.\nRelated news\n- Other headline\n- Another one");
        ExtractableResponse<Response> created = given().contentType(ContentType.JSON).body(body)
                .when().post("/articles")
                .then().statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", matchesPattern("/articles/" + UUID_PATTERN))
                .body("id", matchesPattern(UUID_PATTERN))
                .body("url", equalTo("https://news.example.org/" + marker))
                .body("source", equalTo("test-source"))
                .body("title", equalTo("Headline about " + marker))
                .body("text", equalTo("The minister said “yes” in Karabakh, a spokesman said.\nSecond paragraph."))
                .body("publishedAt", equalTo("2023-09-26T09:00:00Z"))
                .body("language", equalTo("en"))
                .body("contentHash", matchesPattern("[0-9a-f]{64}"))
                .body("status", equalTo("PENDING"))
                .body("createdAt", notNullValue())
                .extract();
        String id = created.jsonPath().getString("id");
        assertThat(created.header("Location")).isEqualTo("/articles/" + id);

        given().when().get("/articles/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("text", equalTo("The minister said “yes” in Karabakh, a spokesman said.\nSecond paragraph."));
    }

    @Test
    void sameArticleAgainAnswers200WithTheSameIdAndStoresNothing() {
        Map<String, Object> body = article(unique());
        String id = create(body);
        long before = count();
        given().contentType(ContentType.JSON).body(body)
                .when().post("/articles")
                .then().statusCode(200).body("id", equalTo(id));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void sameTextUnderAnotherUrlIsADuplicate() {
        String marker = unique();
        Map<String, Object> body = article(marker);
        String id = create(body);
        long before = count();

        body.put("url", "https://elsewhere.example.com/copy-of-" + marker);
        body.put("text", "  " + body.get("text").toString().replace("\n", "\r\n\n") + "\n\n");
        given().contentType(ContentType.JSON).body(body)
                .when().post("/articles")
                .then().statusCode(200).body("id", equalTo(id));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void sameUrlWithOtherTextIsADuplicate() {
        String marker = unique();
        Map<String, Object> body = article(marker);
        String id = create(body);
        body.put("text", "Completely different content, updated later.\nSecond line of it.");
        body.put("url", "HTTPS://NEWS.example.org/" + marker + "#comments");
        given().contentType(ContentType.JSON).body(body)
                .when().post("/articles")
                .then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void urlOfOneArticleAndTextOfAnotherIsADuplicateOfTheUrlsArticle() {
        Map<String, Object> byUrl = article(unique());
        String byUrlId = create(byUrl);
        Map<String, Object> byText = article(unique());
        String byTextId = create(byText);
        assertThat(byTextId).isNotEqualTo(byUrlId);

        Map<String, Object> both = article(unique());
        both.put("url", byUrl.get("url"));
        both.put("text", byText.get("text"));
        given().contentType(ContentType.JSON).body(both)
                .when().post("/articles")
                .then().statusCode(200).body("id", equalTo(byUrlId));
    }

    @Test
    void htmlArticleIsCleanedToText() {
        String marker = unique();
        Map<String, Object> body = article(marker);
        body.remove("text");
        body.put("html", "<html><head><script>track()</script></head><body><nav>Home | News</nav>"
                + "<h1>Talks on " + marker + "</h1><p>The talks&nbsp;resumed.</p><p>“Good,” he said.</p></body></html>");
        given().contentType(ContentType.JSON).body(body)
                .when().post("/articles")
                .then().statusCode(201)
                .body("title", equalTo("Talks on " + marker))
                .body("text", equalTo("The talks resumed.\n“Good,” he said."));
    }

    @Test
    void articleWithoutUrlOrSourceIsAccepted() {
        Map<String, Object> body = article(unique());
        body.remove("url");
        body.remove("source");
        body.remove("language");
        given().contentType(ContentType.JSON).body(body)
                .when().post("/articles")
                .then().statusCode(201)
                .body("url", equalTo(null))
                .body("source", equalTo(null));
    }

    @Test
    void concurrentSubmissionsOfOneArticleStoreItOnce() throws Exception {
        Map<String, Object> body = article(unique());
        long before = count();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<ExtractableResponse<Response>>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> given().contentType(ContentType.JSON).body(body).when().post("/articles").then().extract());
            }
            List<Integer> statuses = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (Future<ExtractableResponse<Response>> f : pool.invokeAll(calls)) {
                statuses.add(f.get().statusCode());
                ids.add(f.get().jsonPath().getString("id"));
            }
            assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count()).isEqualTo(before + 1);
    }

    @Test
    void unknownArticleIs404Problem() {
        given().when().get("/articles/" + java.util.UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", containsString("no article with id"));
        given().when().get("/articles/not-a-uuid")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void openApiAndHealthAreServed() {
        given().when().get("/q/health")
                .then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Database connections health check"));
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200).body(containsString("/articles/batch"));
    }

    @Test
    void locationIsRelative() {
        String location = given().contentType(ContentType.JSON).body(article(unique()))
                .when().post("/articles")
                .then().statusCode(201).extract().header("Location");
        assertThat(location).satisfies(l -> assertThat(l).startsWith("/articles/"));
        given().when().get(location).then().statusCode(200).body("id", startsWith(location.substring(10, 18)));
    }
}
