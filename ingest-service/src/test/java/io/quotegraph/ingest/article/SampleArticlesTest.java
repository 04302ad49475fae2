package io.quotegraph.ingest.article;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.ingest.support.IngestTestResources;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The project's sample articles (examples/articles, copied to src/test/resources/samples) ingest as expected. */
@QuarkusTest
@WithTestResource(IngestTestResources.class)
class SampleArticlesTest {

    private static String sample(String name) throws IOException {
        try (InputStream in = SampleArticlesTest.class.getResourceAsStream("/samples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonPath ingest(String json) {
        return given().contentType(ContentType.JSON).body(json)
                .when().post("/articles")
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                .extract().jsonPath();
    }

    @Test
    void headlineBecomesTitleAndRelatedNewsIsRemoved() throws IOException {
        JsonPath article = ingest(sample("000_22d92712b785dfc5.json"));
        assertThat(article.getString("title")).isEqualTo("U.S. supports international monitoring in Nagorno-Karabakh");
        String text = article.getString("text");
        assertThat(text).startsWith("The United States is concerned about the situation in Nagorno-Karabakh (Artsakh)");
        assertThat(text).endsWith("bridge the divide between their two countries,\" he added.");
        assertThat(text).doesNotContain("Related news").doesNotContain("Blinken urges");
        assertThat(text).contains("it’s, number one"); // curly apostrophe kept
        assertThat(article.getString("publishedAt")).isEqualTo("2023-09-26T09:00:00Z");
    }

    @Test
    void strayBracketsAreRemovedAndNoTitleIsInvented() throws IOException {
        JsonPath article = ingest(sample("003_e7eb26b20c05329b.json"));
        assertThat(article.getString("title")).isNull();
        String text = article.getString("text");
        assertThat(text).startsWith("The US will work with allies and partners in the coming days on an international "
                + "observer mission in Karabakh, a State Department spokesman said Wednesday.\n");
        assertThat(text).contains("the US welcomes comments by the government of Azerbaijan “just a little while ago”");
        assertThat(text).doesNotContain(" ] ");
        assertThat(text.split("\n")).hasSize(10);
    }
}
