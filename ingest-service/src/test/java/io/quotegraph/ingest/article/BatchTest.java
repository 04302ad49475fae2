package io.quotegraph.ingest.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.ingest.support.IngestTestResources;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.quotegraph.ingest.support.Articles.article;
import static io.quotegraph.ingest.support.Articles.count;
import static io.quotegraph.ingest.support.Articles.create;
import static io.quotegraph.ingest.support.Articles.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(IngestTestResources.class)
class BatchTest {

    private static final String NDJSON = "application/x-ndjson";
    private final ObjectMapper mapper = new ObjectMapper();

    private String line(Map<String, Object> article) throws Exception {
        return mapper.writeValueAsString(article);
    }

    private List<JsonNode> results(ExtractableResponse<Response> response) throws Exception {
        List<JsonNode> results = new ArrayList<>();
        for (String l : response.asString().split("\n")) {
            if (!l.isBlank()) {
                results.add(mapper.readTree(l));
            }
        }
        return results;
    }

    @Test
    void goodDuplicateAndBadLinesGetOneResultEachInOrder() throws Exception {
        Map<String, Object> existing = article(unique());
        String existingId = create(existing);
        Map<String, Object> first = article(unique());
        Map<String, Object> second = article(unique());
        second.remove("url");
        second.put("html", "<h1>Second headline</h1><p>" + second.remove("text").toString().replace("\n", "</p><p>") + "</p>");
        Map<String, Object> noDate = article(unique());
        noDate.remove("publishedAt");
        Map<String, Object> sameContentAsFirst = new java.util.LinkedHashMap<>(first);
        sameContentAsFirst.put("url", "https://mirror.example.net/" + unique());
        Map<String, Object> unknownField = article(unique());
        unknownField.put("byline", "Jane Doe");
        Map<String, Object> both = article(unique());
        both.put("html", "<p>x</p>");

        String body = String.join("\n",
                line(first),                                   // 1 accepted
                "",                                            // 2 blank: skipped
                line(existing),                                // 3 duplicate of an article stored before
                "{\"publishedAt\": \"2023-09-26T09:00:00Z\",", // 4 malformed
                line(second),                                  // 5 accepted (html)
                line(noDate),                                  // 6 rejected: publishedAt
                "   ",                                         // 7 blank
                line(sameContentAsFirst),                      // 8 duplicate of line 1
                line(unknownField),                            // 9 rejected: unknown field
                line(both),                                    // 10 rejected: both text and html
                "null") + "\r\n";                              // 11 rejected: not an object
        long before = count();

        ExtractableResponse<Response> response = given().contentType(NDJSON).body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/articles/batch")
                .then().statusCode(200).contentType(NDJSON)
                .extract();
        List<JsonNode> results = results(response);

        assertThat(results).extracting(r -> r.get("line").asInt()).containsExactly(1, 3, 4, 5, 6, 8, 9, 10, 11);
        assertThat(results).extracting(r -> r.get("status").asText()).containsExactly(
                "accepted", "duplicate", "rejected", "accepted", "rejected", "duplicate", "rejected", "rejected", "rejected");
        assertThat(results.get(1).get("id").asText()).isEqualTo(existingId);
        assertThat(results.get(5).get("id").asText()).isEqualTo(results.get(0).get("id").asText());
        assertThat(results.get(2).get("reason").asText()).contains("not valid JSON");
        assertThat(results.get(4).get("reason").asText()).contains("publishedAt");
        assertThat(results.get(6).get("reason").asText()).contains("unknown field 'byline'");
        assertThat(results.get(7).get("reason").asText()).contains("both text and html");
        assertThat(results.get(8).get("reason").asText()).contains("not a JSON object");
        assertThat(results.get(2).has("id")).isFalse();
        assertThat(count()).isEqualTo(before + 2);

        given().when().get("/articles/" + results.get(3).get("id").asText())
                .then().statusCode(200).body("title", equalTo("Second headline"));
    }

    @Test
    void byteOrderMarkAndCrlfAreAccepted() throws Exception {
        String body = "\uFEFF" + line(article(unique())) + "\r\n" + line(article(unique())) + "\r\n";
        List<JsonNode> results = results(given().contentType(NDJSON).body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/articles/batch")
                .then().statusCode(200).extract());
        assertThat(results).extracting(r -> r.get("status").asText()).containsExactly("accepted", "accepted");
    }

    @Test
    void wrongContentTypeIs415() {
        long before = count();
        given().contentType("application/json").body("{}")
                .when().post("/articles/batch")
                .then().statusCode(415).contentType("application/problem+json");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void emptyBatchIs400() {
        given().contentType(NDJSON).body("\n \n".getBytes(StandardCharsets.UTF_8))
                .when().post("/articles/batch")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("empty"));
    }

    @Test
    void moreThanAThousandLinesIs413AndNothingIsStored() throws Exception {
        long before = count();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 1001; i++) {
            body.append(line(article(unique()))).append('\n');
        }
        given().contentType(NDJSON).body(body.toString().getBytes(StandardCharsets.UTF_8))
                .when().post("/articles/batch")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("at most 1000"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void overlongLineIsRejectedAlone() throws Exception {
        Map<String, Object> big = article(unique());
        big.put("text", "word ".repeat(450_000)); // 2.25 MB line
        Map<String, Object> good = article(unique());
        String body = line(big) + "\n" + line(good) + "\n";
        List<JsonNode> results = results(given().contentType(NDJSON).body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/articles/batch")
                .then().statusCode(200).extract());
        assertThat(results).extracting(r -> r.get("status").asText()).containsExactly("rejected", "accepted");
        assertThat(results.get(0).get("reason").asText()).contains("bytes");
    }
}
