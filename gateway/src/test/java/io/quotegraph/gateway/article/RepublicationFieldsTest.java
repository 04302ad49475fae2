package io.quotegraph.gateway.article;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.gateway.fake.FakeBackends;
import io.quotegraph.model.view.ArticleStatus;
import io.quotegraph.model.view.ArticleView;
import io.quotegraph.model.view.PublishedCopy;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.quotegraph.gateway.GraphQL.errors;
import static io.quotegraph.gateway.GraphQL.query;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Article.duplicateOf, Article.alsoPublishedBy, languageConfidence and statusReason (issue 10). */
@QuarkusTest
@WithTestResource(FakeBackends.class)
class RepublicationFieldsTest {

    @Test
    void anOriginalWithoutCopiesHasAnEmptyListAndNoOriginal() {
        JsonPath r = query("""
                { article(id: "a1") { id duplicateOf { id } alsoPublishedBy { source url publishedAt }
                  languageConfidence statusReason } }""");
        assertThat(errors(r)).isEmpty();
        assertThat(r.getList("data.article.alsoPublishedBy")).isEmpty();
        assertThat(r.getMap("data.article")).containsEntry("duplicateOf", null).containsEntry("languageConfidence", null);
    }

    @Test
    void theSchemaHasTheNewFieldsAndStatuses() {
        String sdl = given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        assertThat(sdl).contains("alsoPublishedBy: [Publication!]!", "duplicateOf: Article", "languageConfidence: Float",
                "type Publication", "DUPLICATE", "SKIPPED");
    }

    @Test
    void copiesMapToPublications() {
        ArticleView view = new ArticleView("o1", "https://wire.example/o1", "Wire", "t", "text",
                Instant.parse("2024-02-06T08:00:00Z"), "en", "h", ArticleStatus.DELIVERED, null,
                Instant.parse("2024-02-06T08:00:01Z"), 0.93, null,
                List.of(new PublishedCopy("d1", "Daily", "https://daily.example/d1", Instant.parse("2024-02-06T10:30:00Z")),
                        new PublishedCopy(null, "Herald", "https://herald.example/h1", Instant.parse("2024-02-07T06:00:00Z"))));
        Article article = new Article(view);
        assertThat(article.getAlsoPublishedBy()).extracting(Publication::getSource).containsExactly("Daily", "Herald");
        assertThat(article.getAlsoPublishedBy()).extracting(Publication::getUrl)
                .containsExactly("https://daily.example/d1", "https://herald.example/h1");
        assertThat(article.getAlsoPublishedBy().get(0).getPublishedAt()).isEqualTo(Instant.parse("2024-02-06T10:30:00Z"));
        assertThat(article.getLanguageConfidence()).isEqualTo(0.93);
    }
}
