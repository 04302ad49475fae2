package io.quotegraph.ingest.article;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.ingest.support.IngestTestResources;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.quotegraph.ingest.support.Articles.article;
import static io.quotegraph.ingest.support.Articles.count;
import static io.quotegraph.ingest.support.Articles.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Every kind of bad input: the right 4xx, application/problem+json, a detail naming the problem, nothing stored. */
@QuarkusTest
@WithTestResource(IngestTestResources.class)
class BadInputTest {

    private long before;

    @BeforeEach
    void countBefore() {
        before = count();
    }

    @AfterEach
    void nothingStored() {
        assertThat(count()).as("articles stored").isEqualTo(before);
    }

    private static void rejected(RequestSpecification request, int status, String detailFragment) {
        request.when().post("/articles")
                .then().statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", containsString("urn:quotegraph:problem:"))
                .body("detail", containsString(detailFragment));
    }

    private static RequestSpecification json(Object body) {
        return given().contentType(ContentType.JSON).body(body);
    }

    @Test
    void malformedJson() {
        rejected(json("{\"publishedAt\": \"2023-09-26T09:00:00Z\", \"text\": "), 400, "not valid JSON");
        rejected(json("{not json at all}"), 400, "not valid JSON");
    }

    @Test
    void trailingGarbageAfterTheObject() {
        rejected(json("{\"publishedAt\":\"2023-09-26T09:00:00Z\",\"text\":\"Some text " + unique() + ".\"} {}"), 400, "");
    }

    @Test
    void invalidUtf8InAJsonBodyIsNamed() {
        byte[] prefix = "{\"publishedAt\":\"2023-09-26T09:00:00Z\",\"text\":\"caf".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (byte[] invalid : new byte[][]{{(byte) 0xFF}, {(byte) 0xC3, '('}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}}) {
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            body.writeBytes(prefix);
            body.writeBytes(invalid);
            body.writeBytes("\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            rejected(given().contentType(ContentType.JSON).body(body.toByteArray()), 400, "Invalid UTF-8");
        }
    }

    @Test
    void invalidUtf8InABatchIsNamed() {
        byte[] line = ("{\"publishedAt\":\"2023-09-26T09:00:00Z\",\"text\":\"" + unique() + " caf\u00e9\"}\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] body = java.util.Arrays.copyOf(line, line.length + 1);
        body[line.length - 4] = (byte) 0xFF; // inside the second byte of é
        given().contentType("application/x-ndjson").body(body).when().post("/articles/batch")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not valid UTF-8"));
    }

    @Test
    void notAnObject() {
        rejected(json("[1, 2]"), 400, "");
        rejected(json("\"text\""), 400, "");
    }

    @Test
    void emptyBody() {
        rejected(given().contentType(ContentType.JSON), 400, "");
    }

    @Test
    void missingPublishedAt() {
        Map<String, Object> body = article(unique());
        body.remove("publishedAt");
        rejected(json(body), 400, "publishedAt");
    }

    @Test
    void publishedAtNotAnInstant() {
        Map<String, Object> body = article(unique());
        body.put("publishedAt", "last Monday");
        rejected(json(body), 400, "publishedAt");
    }

    @Test
    void emptyText() {
        Map<String, Object> body = article(unique());
        body.put("text", "");
        rejected(json(body), 400, "text is empty");
    }

    @Test
    void blankTextAfterCleaning() {
        Map<String, Object> body = article(unique());
        body.put("text", " \u00A0\t\r\n \u200B \n ] ");
        rejected(json(body), 400, "text is empty");
    }

    @Test
    void htmlWithoutText() {
        Map<String, Object> body = article(unique());
        body.remove("text");
        body.put("html", "<html><body><script>alert('x')</script><nav>Home</nav></body></html>");
        rejected(json(body), 400, "html is empty");
    }

    @Test
    void bothTextAndHtml() {
        Map<String, Object> body = article(unique());
        body.put("html", "<p>Some text.</p>");
        rejected(json(body), 400, "both text and html");
    }

    @Test
    void neitherTextNorHtml() {
        Map<String, Object> body = article(unique());
        body.remove("text");
        rejected(json(body), 400, "neither text nor html");
    }

    @Test
    void unknownField() {
        Map<String, Object> body = article(unique());
        body.put("author", "Jane Doe");
        rejected(json(body), 400, "unknown field 'author'");
    }

    @Test
    void invalidUrl() {
        Map<String, Object> body = article(unique());
        body.put("url", "ftp://example.org/x");
        rejected(json(body), 400, "url");
        body.put("url", "not a url");
        rejected(json(body), 400, "url");
    }

    @Test
    void controlCharactersInMetadata() {
        Map<String, Object> body = article(unique());
        body.put("source", "agency\u0000x");
        rejected(json(body), 400, "source contains control characters");
    }

    @Test
    void invalidLanguage() {
        Map<String, Object> body = article(unique());
        body.put("language", "english!");
        rejected(json(body), 400, "language");
    }

    @Test
    void wrongContentType() {
        given().contentType(ContentType.TEXT).body("just text").when().post("/articles")
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("status", equalTo(415));
    }

    @Test
    void bodyOverTheRequestLimit() {
        Map<String, Object> body = article(unique());
        body.put("text", "word ".repeat(600_000)); // 3 MB
        // declared Content-Length: answered by the route filter before the body is read
        rejected(json(body), 413, "bytes; at most 2097152 bytes are accepted for an article");
    }

    @Test
    void chunkedBodyOverTheRequestLimit() throws Exception {
        byte[] body = ("{\"publishedAt\":\"2023-09-26T09:00:00Z\",\"text\":\"" + "word ".repeat(600_000) + "\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port + "/articles"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .build();
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("at most 2097152 bytes");
    }

    @Test
    void textOverTheArticleLimit() {
        Map<String, Object> body = article(unique());
        body.put("text", "Sentence number. ".repeat(70_000)); // 1.19 M characters in a 1.2 MB body
        rejected(json(body), 413, "at most 1048576");
    }

    @Test
    void limitAboveOneHundred() {
        given().when().get("/articles?limit=101")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("limit"));
        given().when().get("/articles?limit=0")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("limit"));
        given().when().get("/articles?offset=-1")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("offset"));
        given().when().get("/articles?limit=ten")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("limit"));
    }

    @Test
    void badDateFilter() {
        given().when().get("/articles?from=yesterday")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("from"));
        given().when().get("/articles?from=2023-09-27T00:00:00Z&to=2023-09-26T00:00:00Z")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("after"));
    }

    @Test
    void tooManyIds() {
        StringBuilder query = new StringBuilder("/articles?");
        for (int i = 0; i < 101; i++) {
            query.append("id=").append(java.util.UUID.randomUUID()).append('&');
        }
        given().when().get(query.toString())
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("at most 100"));
    }
}
