package io.quotegraph.ingest.article;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.ingest.cleaning.HtmlToText;
import io.quotegraph.ingest.support.IngestTestResources;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.quotegraph.ingest.support.Articles.article;
import static io.quotegraph.ingest.support.Articles.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input that is valid but built to hurt: it is accepted and cleaned within the documented limits, never a 5xx, a
 * stack overflow or a runaway. (Input that is invalid is BadInputTest's.)
 */
@QuarkusTest
@WithTestResource(IngestTestResources.class)
class HostileInputTest {

    @Test
    void controlCharactersInTheTextAreRemovedNotStored() {
        String marker = unique();
        Map<String, Object> body = article(marker);
        body.put("text", "Hea\u0000dline about " + marker + "\n\"We are \u0007concerned\u001B,\" a spokesman\u0008 said.\u007F\n"
                + "Talks\u0000 continue.");
        String text = given().contentType(ContentType.JSON).body(body).when().post("/articles")
                .then().statusCode(201).extract().jsonPath().getString("text");
        assertThat(text).doesNotContainPattern("[\\x00-\\x08\\x0B-\\x1F\\x7F]")
                .isEqualTo("\"We are concerned,\" a spokesman said.\nTalks continue.");
    }

    @Test
    void aHundredThousandNestedElementsAreFlattenedWithoutOverflowingTheStack() {
        int depth = 100_000;
        String marker = unique();
        String html = "<div>".repeat(depth) + "<p>\"The nesting is " + marker + ",\" the spokesman said.</p>" + "</div>".repeat(depth);
        String text = given().contentType(ContentType.JSON)
                .body(Map.of("publishedAt", "2023-09-26T09:00:00Z", "html", html, "language", "en"))
                .when().post("/articles")
                .then().statusCode(201).extract().jsonPath().getString("text");
        assertThat(text).isEqualTo("\"The nesting is " + marker + ",\" the spokesman said.");
        assertThat(HtmlToText.MAX_DEPTH).isLessThan(depth);
    }

    @Test
    void anElementWithAHundredThousandAttributesIsReadAsItsText() {
        String marker = unique();
        StringBuilder html = new StringBuilder("<p");
        for (int i = 0; i < 100_000; i++) {
            html.append(" a").append(i).append("=\"x\"");
        }
        html.append(">\"Attributes are ").append(marker).append(",\" the spokesman said.</p>");
        String text = given().contentType(ContentType.JSON)
                .body(Map.of("publishedAt", "2023-09-26T09:00:00Z", "html", html.toString(), "language", "en"))
                .when().post("/articles")
                .then().statusCode(201).extract().jsonPath().getString("text");
        assertThat(text).isEqualTo("\"Attributes are " + marker + ",\" the spokesman said.");
    }
}
