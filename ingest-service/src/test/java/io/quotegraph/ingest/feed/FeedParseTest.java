package io.quotegraph.ingest.feed;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.ingest.support.IngestTestResources;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.quotegraph.ingest.support.Articles.count;
import static io.quotegraph.ingest.support.Articles.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** POST /feeds/parse: RSS and Atom items are ingested; hostile XML is refused with nothing ingested. */
@QuarkusTest
@WithTestResource(IngestTestResources.class)
class FeedParseTest {

    @Test
    void rssItemsAreIngestedWithTheirLinkTitleDateAndFullContent() {
        String marker = unique();
        List<Feeds.Item> items = List.of(Feeds.item(marker, 1, "Tue, 06 Feb 2024 08:00:00 GMT"),
                Feeds.item(marker, 2, "Wed, 07 Feb 2024 09:30:00 +0100"));
        JsonPath answer = given().contentType("application/rss+xml").body(Feeds.rss("Harbour News", items))
                .post("/feeds/parse").then().statusCode(200).extract().jsonPath();
        assertThat(answer.getString("feedTitle")).isEqualTo("Harbour News");
        assertThat(answer.getString("feedType")).isEqualTo("rss_2.0");
        assertThat(answer.getList("items.status")).containsExactly("accepted", "accepted");
        assertThat(answer.getList("items.line")).containsExactly(1, 2);

        JsonPath second = given().get("/articles/" + answer.getString("items[1].id")).then().statusCode(200)
                .extract().jsonPath();
        assertThat(second.getString("url")).isEqualTo("https://feeds.example/" + marker + "/2");
        assertThat(second.getString("source")).isEqualTo("Harbour News");
        assertThat(second.getString("title")).isEqualTo("Item 2 of " + marker);
        assertThat(second.getString("publishedAt")).isEqualTo("2024-02-07T08:30:00Z");
        assertThat(second.getString("language")).isEqualTo("en");
        assertThat(second.getString("text")).startsWith("\"We will review the harbour rules,\" the mayor said on Monday.\nBackground:");

        // the same feed again: both items are duplicates, nothing new is stored
        long before = count();
        JsonPath again = given().contentType("application/rss+xml").body(Feeds.rss("Harbour News", items))
                .queryParam("source", "Override").post("/feeds/parse").then().statusCode(200).extract().jsonPath();
        assertThat(again.getList("items.status")).containsExactly("duplicate", "duplicate");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void atomEntriesAreIngestedAndTheSourceCanBeGiven() {
        String marker = unique();
        Feeds.Item item = Feeds.item(marker, 1, null);
        JsonPath answer = given().contentType("application/atom+xml")
                .body(Feeds.atom("Atom Times", "urn:test:" + marker, item.link(), "2024-02-06T08:00:00Z", item.html()))
                .queryParam("source", "atom-times")
                .post("/feeds/parse").then().statusCode(200).extract().jsonPath();
        assertThat(answer.getString("feedType")).isEqualTo("atom_1.0");
        assertThat(answer.getList("items.status")).containsExactly("accepted");
        JsonPath stored = given().get("/articles/" + answer.getString("items[0].id")).then().extract().jsonPath();
        assertThat(stored.getString("source")).isEqualTo("atom-times");
        assertThat(stored.getString("url")).isEqualTo(item.link());
        assertThat(stored.getString("publishedAt")).isEqualTo("2024-02-06T08:00:00Z");
    }

    @Test
    void anItemWithoutContentIsRejectedAndTheOthersIngested() {
        String marker = unique();
        String rss = Feeds.rss("Mixed", List.of(Feeds.item(marker, 1, "Tue, 06 Feb 2024 08:00:00 GMT")))
                .replace("</channel>", "<item><title>empty</title><link>https://feeds.example/empty</link></item></channel>");
        JsonPath answer = given().contentType("application/xml").body(rss)
                .post("/feeds/parse").then().statusCode(200).extract().jsonPath();
        assertThat(answer.getList("items.status")).containsExactly("accepted", "rejected");
        assertThat(answer.getString("items[1].reason")).isEqualTo("the item has neither content nor description");
    }

    @Test
    void aBillionLaughsPayloadIsRefusedAndNothingIngested() {
        long before = count();
        given().contentType("application/rss+xml").body(bytes(Feeds.BILLION_LAUGHS))
                .post("/feeds/parse")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("not a valid RSS or Atom feed"))
                .body("detail", containsString("DOCTYPE"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void anExternalEntityIsNeverReadAndNothingIngested() throws Exception {
        Path secret = Files.createTempFile("quotegraph-secret", ".txt");
        try {
            Files.writeString(secret, "TOP-SECRET-" + unique());
            long before = count();
            given().contentType("text/xml").body(bytes(Feeds.externalEntity(secret.toUri().toString())))
                    .post("/feeds/parse")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", containsString("DOCTYPE"))
                    .body("detail", org.hamcrest.Matchers.not(containsString("TOP-SECRET")));
            assertThat(count()).isEqualTo(before);
        } finally {
            Files.deleteIfExists(secret);
        }
    }

    @Test
    void notAFeedIsA400AndAnotherMediaTypeA415() {
        given().contentType("application/xml").body("<html><body>hello</body></html>")
                .post("/feeds/parse").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not a valid RSS or Atom feed"));
        given().contentType("application/xml").body(bytes("<rss version=\"2.0\"><channel>"))
                .post("/feeds/parse").then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("{}")
                .post("/feeds/parse").then().statusCode(415).contentType("application/problem+json")
                .body("status", equalTo(415));
    }

    /**
     * The server reports a malformed feed in its answer only. (REST Assured itself prints "[Fatal Error] …" when given
     * a malformed XML document as a String body, so malformed feeds go as bytes: see {@link #bytes}.)
     */
    @Test
    void aMalformedFeedIsReportedInTheAnswerOnlyNotOnStderr() {
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (String malformed : List.of("<rss version=\"2.0\"><channel>", "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY a \"b\">]><rss/>",
                    "<rss version=\"2.0\"><channel><title>&#0;</title></channel></rss>")) {
                given().contentType("application/xml").body(bytes(malformed))
                        .post("/feeds/parse").then().statusCode(400).contentType("application/problem+json")
                        .body("detail", containsString("not a valid RSS or Atom feed"));
            }
        } finally {
            System.setErr(stderr);
        }
        assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("[Fatal Error]");
    }

    /** A document as the request body, as is: REST Assured parses a String body of an XML type (and prints its errors). */
    private static byte[] bytes(String xml) {
        return xml.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
