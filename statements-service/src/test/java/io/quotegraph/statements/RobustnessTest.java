package io.quotegraph.statements;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.statements.common.Mongo;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(MongoTestResource.class)
class RobustnessTest {

    @Inject
    MongoClient mongo;

    private MongoDatabase db() {
        return mongo.getDatabase("quotegraph");
    }

    @Test
    void concurrentDeliveriesOfANewSpeakerCreateItOnce() throws Exception {
        String fullName = "Vera " + Articles.name();
        List<Articles> articles = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            articles.add(Articles.article("concurrent-" + i)
                    .speaker("S1", fullName, "PERSON", List.of(), "envoy", "United Nations")
                    .statement("DIRECT", "Statement number " + i, fullName, "said", "S1", "PRESS_CONFERENCE", "2024-07-01"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (Articles article : articles) {
                results.add(pool.submit(() -> article.deliver().extract().statusCode()));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        Set<String> speakers = new HashSet<>();
        Set<String> events = new HashSet<>();
        for (Articles article : articles) {
            speakers.add(given().get("/statements/{id}", article.articleId + ":0").then().extract().path("speakerId"));
            events.add(given().get("/statements/{id}", article.articleId + ":0").then().extract().path("occasionId"));
        }
        assertThat(speakers).hasSize(1);
        assertThat(events).hasSize(1);
        String speakerId = speakers.iterator().next();
        given().get("/speakers/{id}", speakerId).then().body("statementCount", equalTo(6));
        given().get("/events/{id}", events.iterator().next()).then()
                .body("articleIds.size()", equalTo(6))
                .body("title", equalTo("Press conference by " + fullName));
        assertThat(db().getCollection("speakers").countDocuments(Filters.eq("name", fullName))).isEqualTo(1);
    }

    @Test
    void aLargeDeliveryIsAppliedAndItsRedeliveryIsCheap() {
        Articles article = Articles.article("large");
        String family = Articles.name();
        for (int s = 0; s < 50; s++) {
            article.speaker("S" + s, "Person" + Articles.name() + " " + family + s, "PERSON", List.of(), null, null);
        }
        for (int i = 0; i < 5000; i++) {
            article.statement(i % 2 == 0 ? "DIRECT" : "INDIRECT", "Statement " + i + " about the matter", "someone",
                    "said", "S" + (i % 50), i % 10 == 0 ? "PRESS_BRIEFING" : null, i % 10 == 0 ? "2024-08-01" : null);
        }
        long start = System.nanoTime();
        article.deliver().statusCode(200).body("statements", equalTo(5000));
        long firstMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        article.deliver().statusCode(200).body("changed", equalTo(false));
        long againMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("5000-statement delivery: %d ms, unchanged redelivery: %d ms%n", firstMillis, againMillis);
        given().queryParam("articleId", article.articleId).queryParam("limit", 1000).get("/statements").then()
                .body("totalCount", equalTo(5000)).body("items.size()", equalTo(1000));
        String speakerId = given().get("/statements/{id}", article.articleId + ":49").then().extract().path("speakerId");
        given().get("/speakers/{id}", speakerId).then().body("statementCount", equalTo(100));
    }

    @Test
    void uniqueKeysAreEnforced() {
        Articles.article("indexes").deliver().statusCode(200); // indexes exist by now
        List<String> speakerIndexes = db().getCollection("speakers").listIndexes()
                .map(d -> d.getString("name")).into(new ArrayList<>());
        assertThat(speakerIndexes).contains("speakers_match_key");
        String key = "n:unique test " + Articles.unique();
        db().getCollection("speakers").insertOne(new Document("_id", Articles.unique()).append("matchKey", key));
        assertThatThrownBy(() -> db().getCollection("speakers")
                .insertOne(new Document("_id", Articles.unique()).append("matchKey", key)))
                .isInstanceOf(MongoWriteException.class)
                .satisfies(e -> assertThat(Mongo.isDuplicateKey((MongoWriteException) e)).isTrue());
        db().getCollection("speakers").deleteOne(Filters.eq("matchKey", key));
    }

    @Test
    void anInterruptedDeliveryIsRepairedByRedelivery() {
        String surname = Articles.name();
        Articles article = Articles.article("crash")
                .speaker("S1", "Ida " + surname, "PERSON", List.of(), null, null)
                .statement("DIRECT", "First", "Ida " + surname, "said", "S1")
                .statement("DIRECT", "Second", "Ida " + surname, "said", "S1");
        article.deliver().statusCode(200);
        String speakerId = given().get("/statements/{id}", article.articleId + ":0").then().extract().path("speakerId");

        // a delivery (of 8 statements) that died midway: hash not yet recorded, its statement slots raised, a stray
        // statement written, the count not yet recomputed
        db().getCollection("deliveries").updateOne(Filters.eq("_id", article.articleId),
                Updates.combine(Updates.unset("hash"), Updates.max("statementSlots", 8)));
        db().getCollection("statements").insertOne(new Document("_id", article.articleId + ":7")
                .append("articleId", article.articleId).append("index", 7).append("kind", "DIRECT")
                .append("speakerId", speakerId).append("tokens", List.of()));
        db().getCollection("speakers").updateOne(Filters.eq("_id", speakerId), Updates.set("statementCount", 99L));

        article.deliver().statusCode(200).body("changed", equalTo(true)).body("statements", equalTo(2));
        given().queryParam("articleId", article.articleId).get("/statements").then().body("totalCount", equalTo(2));
        given().get("/speakers/{id}", speakerId).then().body("statementCount", equalTo(2));
        article.deliver().statusCode(200).body("changed", equalTo(false));
    }
}
