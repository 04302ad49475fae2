package io.quotegraph.statements;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.quotations.QuoteBlocking;
import io.quotegraph.quotations.text.QuoteText;
import io.quotegraph.statements.common.Mongo;
import io.quotegraph.statements.quotation.repository.QuotationBucketRepository;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Quotations and similar statements, grouped incrementally as articles are delivered and redelivered. */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
class QuotationTest {

    private static final String FULL = "We will not accept any attempt to redraw borders by force, and we will keep "
            + "supporting our partners for as long as it takes";
    private static final String TRIMMED = "We will not accept any attempt to redraw borders by force … for as long as it takes";
    private static final String TALKING_POINT = "We want the ceasefire maintained, humanitarian access for aid convoys, "
            + "and talks between Armenia and Azerbaijan toward a lasting peace agreement";
    private static final String TALKING_POINT_AGAIN = "The ceasefire must be maintained and aid convoys need humanitarian "
            + "access; Armenia and Azerbaijan should keep talking";

    @Inject
    Mongo mongo;

    @Inject
    QuotationBucketRepository quotationBuckets;

    /** An article of one source in which the named person says these things (statement i = content i). */
    private static Articles article(String name, String source, String publishedAt, String... contents) {
        Articles article = Articles.article("quote").publishedAt(publishedAt)
                .speaker("S1", name, "PERSON", List.of(name), "spokesman", "Ministry of Quotes");
        article.source = source;
        for (String content : contents) {
            article.statement("DIRECT", content, name, "said", "S1");
        }
        return article;
    }

    @Test
    void reportsOfOneQuoteAcrossArticlesFormOneQuotationAndRepeatedTalkingPointsAreSimilar() {
        String name = "Anna " + Articles.name();
        Articles monday = article(name, "wire", "2024-03-04T09:00:00Z", FULL, TALKING_POINT);
        Articles tuesday = article(name, "paper", "2024-03-05T09:00:00Z", TRIMMED);
        Articles wednesday = article(name, "radio", "2024-03-06T09:00:00Z", TALKING_POINT_AGAIN);
        Articles other = article("Boris " + Articles.name(), "wire", "2024-03-05T10:00:00Z", FULL);
        monday.deliver().statusCode(200);
        tuesday.deliver().statusCode(200);
        wednesday.deliver().statusCode(200);
        other.deliver().statusCode(200);

        JsonPath quotation = quotationOf(tuesday.articleId + ":0");
        assertThat(quotation.getString("canonicalText")).isEqualTo(FULL);
        assertThat(quotation.getString("canonicalStatementId")).isEqualTo(monday.articleId + ":0");
        assertThat(quotation.getString("firstSeen")).isEqualTo("2024-03-04T09:00:00Z");
        assertThat(quotation.getLong("articleCount")).isEqualTo(2);
        assertThat(quotation.getLong("sourceCount")).isEqualTo(2);
        assertThat(quotation.getList("occurrences.statementId"))
                .containsExactly(monday.articleId + ":0", tuesday.articleId + ":0");
        assertThat(quotation.getString("occurrences[1].content.text")).isEqualTo(TRIMMED);
        assertThat(quotation.getInt("occurrences[1].content.start")).isEqualTo(tuesday.text.indexOf(TRIMMED));
        given().get("/quotations/{id}", quotation.getString("id")).then().statusCode(200)
                .body("canonicalText", equalTo(FULL));

        // the same words by another speaker are another quotation
        assertThat(quotationOf(other.articleId + ":0").getString("id")).isNotEqualTo(quotation.getString("id"));

        // a talking point repeated on another day: two quotations, linked as similar both ways
        assertThat(quotationOf(wednesday.articleId + ":0").getString("id"))
                .isNotEqualTo(quotationOf(monday.articleId + ":1").getString("id"));
        JsonPath similar = given().get("/similar-statements/{id}", wednesday.articleId + ":0").then().statusCode(200)
                .extract().jsonPath();
        assertThat(similar.getList("similar.id")).containsExactly(monday.articleId + ":1");
        assertThat(similar.getDouble("[0].score")).isBetween(0.3, 1.0);
        given().queryParam("statementId", monday.articleId + ":1").get("/similar-statements").then().statusCode(200)
                .body("[0].statementId", equalTo(monday.articleId + ":1"))
                .body("[0].similar.id", equalTo(wednesday.articleId + ":0"));

        // the speaker's quotations, most widely reported first
        String speakerId = given().get("/statements/{id}", monday.articleId + ":0").then().extract().path("speakerId");
        JsonPath bySpeaker = given().queryParam("speakerId", speakerId).queryParam("sort", "reach").get("/quotations")
                .then().statusCode(200).extract().jsonPath();
        assertThat(bySpeaker.getInt("totalCount")).isEqualTo(3);
        assertThat(bySpeaker.getString("items[0].id")).isEqualTo(quotation.getString("id"));
        JsonPath newest = given().queryParam("speakerId", speakerId).queryParam("sort", "firstSeen").queryParam("limit", 1)
                .get("/quotations").then().statusCode(200).extract().jsonPath();
        assertThat(newest.getList("items.canonicalText")).containsExactly(TALKING_POINT_AGAIN);
    }

    @Test
    void redeliveriesRepairAndNeverDuplicate() {
        String name = "Clara " + Articles.name();
        Articles first = article(name, "wire", "2024-04-01T09:00:00Z", FULL);
        Articles second = article(name, "paper", "2024-04-02T09:00:00Z", TRIMMED, TALKING_POINT);
        first.deliver().statusCode(200);
        second.deliver().statusCode(200);
        String quotationId = quotationOf(first.articleId + ":0").getString("id");
        assertThat(quotationOf(second.articleId + ":0").getString("id")).isEqualTo(quotationId);

        // the same statements under a new extractor version: applied again, nothing doubles, nothing stored changes
        Document storedBefore = mongo.collection("quotations").find(Filters.eq("_id", quotationId)).first();
        Document linkBefore = mongo.collection("quotation_links").find(Filters.eq("_id", second.articleId + ":0")).first();
        second.extractorVersion("test-2").deliver().statusCode(200).body("changed", equalTo(true));
        assertThat(mongo.collection("quotations").find(Filters.eq("_id", quotationId)).first()).isEqualTo(storedBefore);
        assertThat(mongo.collection("quotation_links").find(Filters.eq("_id", second.articleId + ":0")).first())
                .isEqualTo(linkBefore);
        JsonPath again = given().get("/quotations/{id}", quotationId).then().statusCode(200).extract().jsonPath();
        assertThat(again.getList("occurrences.statementId")).containsExactly(first.articleId + ":0", second.articleId + ":0");
        String speakerId = given().get("/statements/{id}", first.articleId + ":0").then().extract().path("speakerId");
        given().queryParam("speakerId", speakerId).get("/quotations").then().statusCode(200).body("totalCount", equalTo(2));

        // a redelivery without the trimmed report: the quotation loses that occurrence, the other statement moves up
        Articles corrected = article(name, "paper", "2024-04-02T09:00:00Z", TALKING_POINT);
        Articles.deliver(second.articleId, withArticleId(corrected, second.articleId)).statusCode(200);
        given().get("/quotations/{id}", quotationId).then().statusCode(200)
                .body("occurrences.statementId", equalTo(List.of(first.articleId + ":0")))
                .body("articleCount", equalTo(1));
        assertThat(quotationOf(second.articleId + ":0").getString("canonicalText")).isEqualTo(TALKING_POINT);
        given().queryParam("speakerId", speakerId).get("/quotations").then().statusCode(200).body("totalCount", equalTo(2));

        // and without the first article's only statement: its quotation is gone
        Articles emptied = article(name, "wire", "2024-04-01T09:00:00Z");
        Articles.deliver(first.articleId, withArticleId(emptied, first.articleId)).statusCode(200);
        given().get("/quotations/{id}", quotationId).then().statusCode(404);
        given().queryParam("speakerId", speakerId).get("/quotations").then().statusCode(200).body("totalCount", equalTo(1));
    }

    /**
     * A quotation stores its members' ids only (an occurrence's wording is its statement's link, written once), so a new
     * report adds an id instead of rewriting every report's wording; a quotation stored in the older shape (occurrences
     * embedded) still answers the same, and redelivering its articles moves it to the new shape, the same as if they had
     * been delivered with it.
     */
    @Test
    void quotationsListTheirMembersAndAnOlderStoreMigratesOnRedelivery() {
        String name = "Dora " + Articles.name();
        Articles first = article(name, "wire", "2024-05-01T09:00:00Z", FULL);
        Articles second = article(name, "paper", "2024-05-02T09:00:00Z", TRIMMED);
        first.deliver().statusCode(200);
        second.deliver().statusCode(200);
        String quotationId = quotationOf(first.articleId + ":0").getString("id");
        String before = given().get("/quotations/{id}", quotationId).then().statusCode(200).extract().asString();
        List<String> members = List.of(first.articleId + ":0", second.articleId + ":0");

        MongoCollection<Document> quotations = mongo.collection("quotations");
        Document stored = quotations.find(Filters.eq("_id", quotationId)).first();
        assertThat(stored.getList("statementIds", String.class)).containsExactlyInAnyOrderElementsOf(members);
        assertThat(stored).doesNotContainKey("occurrences");

        // the shape before statements-v5: occurrences embedded, links hashed without the shape, deliveries hashed
        // with an older processing version
        MongoCollection<Document> links = mongo.collection("quotation_links");
        List<Document> embedded = new ArrayList<>();
        for (String id : members) {
            Document link = links.find(Filters.eq("_id", id)).first();
            embedded.add(new Document("statementId", id).append("articleId", link.getString("articleId"))
                    .append("source", link.getString("source")).append("publishedAt", link.get("publishedAt"))
                    .append("content", link.get("content")));
            links.updateOne(Filters.eq("_id", id), Updates.set("inputHash", "0123456789abcdef-older-shape"));
        }
        quotations.replaceOne(Filters.eq("_id", quotationId), new Document("_id", quotationId)
                .append("speakerId", stored.getString("speakerId")).append("occurrences", embedded));
        given().get("/quotations/{id}", quotationId).then().statusCode(200).body(equalTo(before));
        mongo.collection(Mongo.DELIVERIES).updateMany(Filters.in("_id", first.articleId, second.articleId),
                Updates.set("hash", "statements-v4"));

        first.deliver().statusCode(200).body("changed", equalTo(true));
        second.deliver().statusCode(200).body("changed", equalTo(true));
        Document migrated = quotations.find(Filters.eq("_id", quotationId)).first();
        assertThat(migrated.getList("statementIds", String.class)).containsExactlyInAnyOrderElementsOf(members);
        assertThat(migrated.getList("occurrences", Document.class, List.of())).isEmpty();
        given().get("/quotations/{id}", quotationId).then().statusCode(200).body(equalTo(before));

        // removing the members empties the migrated quotation, which is deleted and unlisted
        Articles.deliver(first.articleId, withArticleId(article(name, "wire", "2024-05-01T09:00:00Z"), first.articleId))
                .statusCode(200);
        Articles.deliver(second.articleId, withArticleId(article(name, "paper", "2024-05-02T09:00:00Z"), second.articleId))
                .statusCode(200);
        given().get("/quotations/{id}", quotationId).then().statusCode(404);
        assertThat(quotations.find(Filters.eq("_id", quotationId)).first()).isNull();
        String speakerId = stored.getString("speakerId");
        given().queryParam("speakerId", speakerId).get("/quotations").then().statusCode(200).body("totalCount", equalTo(0));
    }

    /**
     * A delivery's statements still being decided are listed as pending in the article's index record by its first
     * write and cleared by its last, so a link needs no "done" write of its own; a delivery that stopped in between is
     * finished by the next delivery of the article.
     */
    @Test
    void aDeliveryStoppedBeforeItsWritesIsFinishedByTheNextAndLinksNeedNoDoneWrite() {
        String name = "Dora " + Articles.name();
        Articles first = article(name, "wire", "2024-05-01T09:00:00Z", FULL);
        Articles second = article(name, "paper", "2024-05-02T09:00:00Z", TRIMMED);
        first.deliver().statusCode(200);
        second.deliver().statusCode(200);
        String quotationId = quotationOf(first.articleId + ":0").getString("id");
        String secondId = second.articleId + ":0";
        Document link = mongo.collection("quotation_links").find(Filters.eq("_id", secondId)).first();
        assertThat(link.getString("quotationId")).isEqualTo(quotationId);
        assertThat(link).doesNotContainKey("done");
        Document indexed = mongo.collection("quotation_articles").find(Filters.eq("_id", second.articleId)).first();
        assertThat(indexed.getList("pending", String.class)).isEmpty();

        // as if the delivery of the second article had stopped after saving its link, before adding it to the quotation
        mongo.collection("quotations").updateOne(Filters.eq("_id", quotationId), Updates.pull("statementIds", secondId));
        mongo.collection("quotation_articles").updateOne(Filters.eq("_id", second.articleId),
                Updates.set("pending", List.of(secondId)));
        given().get("/quotations/{id}", quotationId).then().statusCode(200)
                .body("occurrences.statementId", equalTo(List.of(first.articleId + ":0")));

        // the next delivery of the article (same statements) finishes the pending writes
        second.extractorVersion("test-2").deliver().statusCode(200);
        given().get("/quotations/{id}", quotationId).then().statusCode(200)
                .body("occurrences.statementId", equalTo(List.of(first.articleId + ":0", secondId)));
        assertThat(mongo.collection("quotation_articles").find(Filters.eq("_id", second.articleId)).first()
                .getList("pending", String.class)).isEmpty();
    }

    /**
     * A speaker's first statements are filed in one list document (one write each, all of them candidates of each new
     * statement), the later ones in LSH buckets; reports are grouped across both, a removal frees its list entry, and
     * a link stored without its wording's hashes (before statements-v6) is still compared, by its wording.
     */
    @Test
    void aSpeakersFirstStatementsAreListedAndLaterOnesBanded() {
        String name = "Emil " + Articles.name();
        Articles first = article(name, "wire", "2024-06-01T09:00:00Z", FULL);
        first.deliver().statusCode(200);
        String speakerId = given().get("/statements/{id}", first.articleId + ":0").then().extract().path("speakerId");
        MongoCollection<Document> links = mongo.collection("quotation_links");
        MongoCollection<Document> lists = mongo.collection("quotation_speaker_lists");
        MongoCollection<Document> buckets = mongo.collection("quotation_buckets");
        Document firstLink = links.find(Filters.eq("_id", first.articleId + ":0")).first();
        assertThat(firstLink.getBoolean("listed")).isTrue();
        assertThat(firstLink.getList("bucketIds", String.class)).isEmpty();
        assertThat(lists.find(Filters.eq("_id", speakerId)).first().getList("statementIds", String.class))
                .containsExactly(first.articleId + ":0");
        assertThat(buckets.countDocuments(Filters.regex("_id", "^" + java.util.regex.Pattern.quote(speakerId + "|"))))
                .isZero();
        // an older link: no hashes, compared by its wording
        links.updateOne(Filters.eq("_id", first.articleId + ":0"),
                Updates.combine(Updates.unset("shingles"), Updates.unset("contentWords"), Updates.unset("words")));

        String[] others = new String[QuoteBlocking.SPEAKER_LIST_CAPACITY - 1];
        for (int i = 0; i < others.length; i++) {
            others[i] = "Budget line number " + i + " covers item " + Articles.name();
        }
        Articles filler = article(name, "wire", "2024-06-02T09:00:00Z", others);
        filler.deliver().statusCode(200);
        Articles second = article(name, "paper", "2024-06-03T09:00:00Z", TRIMMED);
        second.deliver().statusCode(200);
        String quotationId = quotationOf(first.articleId + ":0").getString("id");
        assertThat(quotationOf(second.articleId + ":0").getString("id")).isEqualTo(quotationId);
        Document secondLink = links.find(Filters.eq("_id", second.articleId + ":0")).first();
        assertThat(secondLink.getBoolean("listed")).isFalse();
        assertThat(secondLink.getList("bucketIds", String.class)).hasSize(QuoteBlocking.BANDS);
        Document list = lists.find(Filters.eq("_id", speakerId)).first();
        assertThat(list.getList("statementIds", String.class)).hasSize(QuoteBlocking.SPEAKER_LIST_CAPACITY)
                .doesNotContain(second.articleId + ":0");
        assertThat(list.getBoolean("banded")).isTrue();
        for (String bucketId : secondLink.getList("bucketIds", String.class)) {
            assertThat(buckets.find(Filters.eq("_id", bucketId)).first().getList("statementIds", String.class))
                    .contains(second.articleId + ":0");
        }

        // the first article emptied: its entry leaves the list, and the next statement takes the room
        Articles.deliver(first.articleId, withArticleId(article(name, "wire", "2024-06-01T09:00:00Z"), first.articleId))
                .statusCode(200);
        assertThat(lists.find(Filters.eq("_id", speakerId)).first().getList("statementIds", String.class))
                .hasSize(QuoteBlocking.SPEAKER_LIST_CAPACITY - 1).doesNotContain(first.articleId + ":0");
        Articles third = article(name, "radio", "2024-06-04T09:00:00Z", FULL);
        third.deliver().statusCode(200);
        assertThat(links.find(Filters.eq("_id", third.articleId + ":0")).first().getBoolean("listed")).isTrue();
        // found through the buckets, the speaker being banded
        assertThat(quotationOf(third.articleId + ":0").getString("id")).isEqualTo(quotationId);
    }

    /**
     * A store written before the speaker lists holds a speaker's statements in buckets only: once its speakers are
     * marked banded (at startup, once per store), a new statement still finds them there instead of filling an empty list.
     */
    @Test
    void aStoreWrittenBeforeTheSpeakerListsKeepsItsStatementsFindable() {
        String name = "Fritz " + Articles.name();
        Articles first = article(name, "wire", "2024-07-01T09:00:00Z", FULL);
        first.deliver().statusCode(200);
        String statementId = first.articleId + ":0";
        String speakerId = given().get("/statements/{id}", statementId).then().extract().path("speakerId");
        // the shape before statements-v6: no speaker list, the statement in its buckets only
        List<String> bucketIds = QuotationBucketRepository.bucketIds(speakerId, QuoteBlocking.bandKeys(QuoteText.of(FULL)));
        mongo.collection("quotation_speaker_lists").deleteOne(Filters.eq("_id", speakerId));
        mongo.collection("quotation_links").updateOne(Filters.eq("_id", statementId),
                Updates.combine(Updates.set("listed", false), Updates.set("bucketIds", bucketIds)));
        java.util.Map<String, List<String>> filed = new java.util.LinkedHashMap<>();
        bucketIds.forEach(bucketId -> filed.put(bucketId, List.of(statementId)));
        quotationBuckets.add(filed, false);

        quotationBuckets.markBandedSpeakersOfBuckets();

        Articles second = article(name, "paper", "2024-07-02T09:00:00Z", TRIMMED);
        second.deliver().statusCode(200);
        assertThat(quotationOf(second.articleId + ":0").getString("id"))
                .isEqualTo(quotationOf(statementId).getString("id"));
    }

    @Test
    void badInputIsAProblem() {
        given().get("/quotations").then().statusCode(400).contentType(containsString("application/problem+json"));
        given().queryParam("speakerId", "x").queryParam("statementId", "a:0").get("/quotations").then().statusCode(400);
        given().queryParam("statementId", "a:0").queryParam("sort", "reach").get("/quotations").then().statusCode(400);
        given().queryParam("speakerId", "x").queryParam("sort", "loudest").get("/quotations").then().statusCode(400)
                .body("detail", containsString("sort"));
        given().queryParam("speakerId", "no-such-speaker").get("/quotations").then().statusCode(404);
        given().get("/quotations/{id}", "no-such-quotation").then().statusCode(404)
                .contentType(containsString("application/problem+json"));
        given().get("/similar-statements/{id}", "no-such:0").then().statusCode(404)
                .body("detail", containsString("statement"));
        given().get("/similar-statements").then().statusCode(400);
        given().queryParam("statementId", "no-such:0").get("/quotations").then().statusCode(200).body("totalCount", equalTo(0));
    }

    private static java.util.Map<String, Object> withArticleId(Articles article, String articleId) {
        java.util.Map<String, Object> payload = article.payload();
        payload.put("articleId", articleId);
        return payload;
    }

    private static JsonPath quotationOf(String statementId) {
        JsonPath page = given().queryParam("statementId", statementId).get("/quotations").then().statusCode(200)
                .extract().jsonPath();
        assertThat(page.getInt("totalCount")).as("quotations of " + statementId).isEqualTo(1);
        return new JsonPath(page.prettify()).setRootPath("items[0]");
    }
}
