package io.quotegraph.ingest.language;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.ingest.support.IngestTestResources;
import io.quotegraph.ingest.support.Resources;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.quotegraph.ingest.support.Articles.unique;
import static io.quotegraph.ingest.support.Eventually.await;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Language: detected when not given (with its confidence), and extraction only for the languages it supports. */
@QuarkusTest
@WithTestResource(IngestTestResources.class)
class LanguageTest {

    @Inject
    LanguageDetector detector;

    @Test
    void detectsEnglishFrenchAndGerman() {
        assertThat(detector.detect(Resources.text("/dedup/wire-original.txt")).orElseThrow().language()).isEqualTo("en");
        LanguageDetector.Detection french = detector.detect(Resources.text("/language/fr.txt")).orElseThrow();
        assertThat(french.language()).isEqualTo("fr");
        assertThat(french.confidence()).isBetween(LanguageDetector.MIN_CONFIDENCE, 1.0);
        assertThat(detector.detect(Resources.text("/language/de.txt")).orElseThrow().language()).isEqualTo("de");
    }

    @Test
    void aFewWordsAreNoDetection() {
        assertThat(detector.detect("Oui.")).isEmpty();
    }

    @Test
    void threeLetterCodesBecomeTwoLetterCodes() {
        assertThat(LanguageDetector.toIso1("eng")).isEqualTo("en");
        assertThat(LanguageDetector.toIso1("deu")).isEqualTo("de");
        assertThat(LanguageDetector.toIso1("cmn")).isEqualTo("zh");
    }

    @Test
    void anEnglishArticleWithoutLanguageIsDetectedAndExtracted() {
        JsonPath created = post(article(unique(), Resources.text("/dedup/same-topic-other-story.txt") + "\n"
                + Resources.randomParagraph(200), null));
        assertThat(created.getString("language")).isEqualTo("en");
        assertThat(created.getDouble("languageConfidence")).isBetween(LanguageDetector.MIN_CONFIDENCE, 1.0);
        assertThat(created.getString("status")).isEqualTo("PENDING");
        await("delivered", Duration.ofSeconds(20),
                () -> given().get("/articles/" + created.getString("id")).then().extract().jsonPath().getString("status"),
                "DELIVERED"::equals);
    }

    @Test
    void aFrenchArticleIsStoredButNotExtractedAndSaysWhy() throws Exception {
        String marker = unique();
        JsonPath created = post(article(marker, Resources.text("/language/fr.txt").replace("mardi soir", "mardi soir (" + marker + ")"), null));
        String id = created.getString("id");
        assertThat(created.getString("language")).isEqualTo("fr");
        assertThat(created.getString("status")).isEqualTo("SKIPPED");
        assertThat(created.getString("statusReason")).isEqualTo("language fr not supported by the extractor (supported: en)");
        Thread.sleep(1500); // two worker rounds: it stays skipped
        assertThat(given().get("/articles/" + id).then().extract().jsonPath().getString("status")).isEqualTo("SKIPPED");
    }

    @Test
    void aGivenLanguageIsTakenAsIsWithoutConfidence() {
        String marker = unique();
        JsonPath created = post(article(marker, Resources.text("/language/de.txt").replace("Dienstagabend", "Dienstagabend (" + marker + ")"), "de-AT"));
        assertThat(created.getString("language")).isEqualTo("de-AT");
        assertThat(created.getString("languageConfidence")).isNull();
        assertThat(created.getString("status")).isEqualTo("SKIPPED");
        assertThat(created.getString("statusReason")).contains("language de-AT not supported");
    }

    private static Map<String, Object> article(String marker, String text, String language) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", "https://lang.example/" + marker);
        body.put("publishedAt", "2024-03-01T12:00:00Z");
        body.put("text", text);
        if (language != null) {
            body.put("language", language);
        }
        return body;
    }

    private static JsonPath post(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/articles")
                .then().statusCode(201).extract().jsonPath();
    }
}
