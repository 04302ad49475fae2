package io.quotegraph.gateway.article;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.gateway.GraphQL;
import io.quotegraph.gateway.fake.FakeBackends;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batched article lookup asks ingest-service for the articles' text only when the operation selects
 * {@code Article.text} somewhere (directly, through a fragment, on another path of the same batch); a {@code text} of
 * another type (a statement's content) does not count.
 */
@QuarkusTest
@WithTestResource(FakeBackends.class)
class ArticleTextSelectionTest {

    @ConfigProperty(name = "quarkus.rest-client.ingest-service.url")
    String backend;

    @BeforeEach
    void reset() {
        GraphQL.resetCounts(backend);
    }

    @Test
    void withoutArticleTextTheLookupLeavesTheTextOut() {
        JsonPath r = GraphQL.query("""
                { statements(first: 3) { edges { node { content { text } article { id title } } } } }""");
        assertThat(GraphQL.errors(r)).isEmpty();
        assertThat(r.getList("data.statements.edges.node.article.title", String.class)).doesNotContainNull().isNotEmpty();
        assertThat(articleLookup()).contains("withText=false");
    }

    @Test
    void articleTextSelectedAnywhereIsRead() {
        JsonPath direct = GraphQL.query("""
                { statements(first: 3) { edges { node { article { id text } } } } }""");
        assertThat(GraphQL.errors(direct)).isEmpty();
        assertThat(direct.getList("data.statements.edges.node.article.text", String.class))
                .isNotEmpty().allSatisfy(text -> assertThat(text).isNotBlank());
        assertThat(articleLookup()).contains("withText=true");

        // one path without text, another (through a fragment) with it: the batch serves both
        JsonPath mixed = GraphQL.query("""
                { statements(first: 3) { edges { node { article { title } again: article { ...Full } } } } }
                fragment Full on Article { id text }""");
        assertThat(GraphQL.errors(mixed)).isEmpty();
        assertThat(mixed.getList("data.statements.edges.node.again.text", String.class))
                .isNotEmpty().allSatisfy(text -> assertThat(text).isNotBlank());
        assertThat(articleLookup()).contains("withText=true");
    }

    private String articleLookup() {
        return given().get(backend + "/__last-queries").then().statusCode(200).extract().jsonPath()
                .getString("'GET /articles'");
    }
}
