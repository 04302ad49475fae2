package io.quotegraph.statements;

import com.mongodb.client.model.Filters;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.statements.common.Mongo;
import io.quotegraph.statements.event.repository.EventMentionRepository;
import io.quotegraph.statements.event.service.ReportedEventService;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blocking buckets of reported events (issue 10): linking a new mention must not read a whole month of its type
 * family, and a store filed under the older keys is refilled once.
 */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
class EventBucketsTest {

    private static final int ARTICLES = 30;

    @Inject
    MongoTraffic traffic;
    @Inject
    Mongo mongo;
    @Inject
    ReportedEventService reportedEvents;

    private static List<String> aboutEvents(String statementId) {
        return given().get("/statements/{id}", statementId).then().statusCode(200).extract().jsonPath()
                .getList("aboutEventIds", String.class);
    }

    private static Articles election(String place, String participant, String date, String publishedAt) {
        return Articles.article("election").publishedAt(publishedAt)
                .speaker("S1", "Ilse " + Articles.name(), "PERSON", List.of(), "observer", null)
                .statement("DIRECT", "The count goes on", "the observer", "said", "S1")
                .event("ELECTION", "HAPPENED", date, participant == null ? List.of() : List.of(participant), place,
                        "the vote", true);
    }

    @Test
    void aDeliveryReadsAsMuchOfTheBucketsWhenAMonthOfElectionsHoldsThirtyAsWhenItHoldsTwo() {
        String run = Articles.name();
        List<MongoTraffic.Bytes> bucketTraffic = new ArrayList<>();
        List<String> articleIds = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            // elections of January 2024 elsewhere and by other parties: undated, on a day of their own, or in the month
            String date = switch (i % 3) {
                case 0 -> null;
                case 1 -> "2024-01-%02d".formatted(1 + i / 3);
                default -> "2024-01-01/2024-01-31 MONTH";
            };
            Articles article = election("Town" + i + run, "Party" + i + run, date, "2024-01-%02dT09:00:00Z".formatted(12 + i % 15));
            articleIds.add(article.articleId);
            bucketTraffic.add(traffic.measure(EventMentionRepository.BUCKETS, () -> article.deliver().statusCode(200)));
        }
        // each of the last three deliveries against the one of the same kind (undated, a day, a month) 24 before; the
        // first three are left out, the first delivery of the store refiling its buckets
        for (int i = ARTICLES - 3; i < ARTICLES; i++) {
            MongoTraffic.Bytes early = bucketTraffic.get(i - 24);
            assertThat(early.read()).as("the buckets are read").isPositive();
            // a bucket per month of a type family grew by a mention id (~30 bytes) with every election of the month
            assertThat(bucketTraffic.get(i).read()).as("bytes read from the buckets, by delivery: %s", bucketTraffic)
                    .isLessThanOrEqualTo(early.read() + 64);
        }

        // an election at the first one's place is still found and linked to it
        Articles samePlace = election("Town0" + run, null, null, "2024-01-20T09:00:00Z");
        samePlace.deliver().statusCode(200);
        assertThat(aboutEvents(samePlace.articleId + ":0")).isEqualTo(aboutEvents(articleIds.get(0) + ":0")).hasSize(1);
        assertThat(aboutEvents(articleIds.get(1) + ":0")).isNotEqualTo(aboutEvents(articleIds.get(0) + ":0"));
    }

    @Test
    void aStoreFiledUnderTheMonthsOfATypeFamilyIsRefiledOnce() {
        String place = "Village" + Articles.name();
        Articles first = election(place, null, null, "2024-02-10T09:00:00Z");
        first.deliver().statusCode(200);
        // the store as older versions left it: a bucket per month of a type family, no version recorded
        var buckets = mongo.collection(EventMentionRepository.BUCKETS);
        buckets.deleteMany(Filters.empty());
        for (String month : List.of("ELECTION|2024-01", "ELECTION|2024-02")) {
            buckets.insertOne(new Document("_id", month).append("mentionIds", List.of(first.articleId + "#0")));
        }

        reportedEvents.refileOutdatedBuckets();

        assertThat(buckets.find(Filters.in("_id", List.of("ELECTION|2024-01", "ELECTION|2024-02"))).first())
                .as("the buckets of the older keys are gone").isNull();
        Articles second = election(place, null, null, "2024-02-12T09:00:00Z");
        second.deliver().statusCode(200);
        assertThat(aboutEvents(second.articleId + ":0")).as("the second election at the place finds the first")
                .isEqualTo(aboutEvents(first.articleId + ":0")).hasSize(1);
    }
}
