package io.quotegraph.statements;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.statements.common.Mongo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * What a delivery costs the store must not grow with the history of what it touches (issue 10: at 10,000 bench
 * articles the work per delivery grew with the store, the same speakers recurring in every article).
 */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
class DeliveryReadsTest {

    private static final int ARTICLES = 30;

    @Inject
    MongoTraffic traffic;

    @Test
    void aDeliveryReadsAndWritesAsMuchOfItsSpeakerWhenThirtyArticlesNamedItAsWhenTwoDid() {
        String name = "Rosalind " + Articles.name();
        List<MongoTraffic.Bytes> speakerTraffic = new ArrayList<>();
        List<String> articleIds = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            Articles article = Articles.article("busy").publishedAt("2024-04-%02dT09:00:00Z".formatted(1 + i % 28))
                    .speaker("S1", name, "PERSON", List.of(name), "minister", null)
                    .statement("DIRECT", "We will say more on day " + i, name, "said", "S1");
            articleIds.add(article.articleId);
            speakerTraffic.add(traffic.measure(Mongo.SPEAKERS, () -> article.deliver().statusCode(200)));
        }
        // the first delivery creates the speaker; from the second on it reads and rewrites the stored one
        MongoTraffic.Bytes second = speakerTraffic.get(1);
        MongoTraffic.Bytes last = speakerTraffic.get(ARTICLES - 1);
        assertThat(second.read()).as("the speaker is read").isPositive();
        assertThat(second.written()).as("the speaker is written").isPositive();
        // a speaker that listed its articles grew by ~25 bytes an article, read and written on every delivery
        assertThat(last.read()).as("bytes read from speakers, by delivery: %s", speakerTraffic)
                .isLessThanOrEqualTo(second.read() + 64);
        assertThat(last.written()).as("bytes written to speakers, by delivery: %s", speakerTraffic)
                .isLessThanOrEqualTo(second.written() + 64);

        // the entities an article names are still found by the article
        String speakerId = given().get("/statements/{id}", articleIds.get(0) + ":0").then().statusCode(200)
                .extract().path("speakerId");
        given().queryParam("articleId", articleIds.get(ARTICLES - 1)).get("/entities").then().statusCode(200)
                .body("items.id", hasItem(speakerId));
        given().get("/speakers/{id}", speakerId).then().body("statementCount", equalTo(ARTICLES));
    }

    @Test
    void theMappingsADeliveryReadsGrowByAFractionOfAMappingPerArticleNamingItsSpeaker() {
        int articles = 40;
        String name = "Guild of " + Articles.name();
        List<Long> mappingReads = new ArrayList<>();
        List<String> articleIds = new ArrayList<>();
        for (int i = 0; i < articles; i++) {
            // an organisation: its settled block is not re-read by resolution, so what is read is the speaker's
            Articles article = Articles.article("hub-speaker").publishedAt("2024-05-%02dT09:00:00Z".formatted(1 + i % 28))
                    .speaker("S1", name, "ORGANIZATION", List.of(), null, null)
                    .statement("DIRECT", "We will say more on day " + i, name, "said", "S1");
            articleIds.add(article.articleId);
            mappingReads.add(traffic.measure(Mongo.ARTICLE_SPEAKERS, () -> article.deliver().statusCode(200)).read());
        }
        // the least a delivery read: the one mapping it added, alone on its page
        List<Long> measured = mappingReads.subList(1, articles);
        long oneMapping = measured.stream().mapToLong(Long::longValue).min().orElseThrow();
        assertThat(oneMapping).as("a delivery reads its speaker's new mapping").isPositive();
        // least-squares growth per article, in units of the least read: ~0.03 when a delivery reads the page its
        // mapping falls on, 0.43 when it reads every mapping of the speaker (its least read then holds two)
        double meanX = (2 + articles) / 2.0;
        double meanY = measured.stream().mapToLong(Long::longValue).average().orElseThrow();
        double covariance = 0;
        double variance = 0;
        for (int i = 0; i < measured.size(); i++) {
            double x = i + 2;
            covariance += (x - meanX) * (measured.get(i) - meanY);
            variance += (x - meanX) * (x - meanX);
        }
        double mappingsPerArticle = covariance / variance / oneMapping;
        assertThat(mappingsPerArticle).as("growth in mappings read per article; bytes read by delivery: %s", mappingReads)
                .isLessThan(0.15);
        // and the speaker derived from its pages counts every article's statement
        String speakerId = given().get("/statements/{id}", articleIds.get(0) + ":0").then().statusCode(200)
                .extract().path("speakerId");
        assertThat((String) given().get("/statements/{id}", articleIds.get(articles - 1) + ":0").then().statusCode(200)
                .extract().path("speakerId")).isEqualTo(speakerId);
        given().get("/speakers/{id}", speakerId).then().body("statementCount", equalTo(articles))
                .body("name", equalTo(name));
    }
}
