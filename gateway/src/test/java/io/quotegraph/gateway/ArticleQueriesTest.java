package io.quotegraph.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.gateway.fake.FakeBackends;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.quotegraph.gateway.GraphQL.errors;
import static io.quotegraph.gateway.GraphQL.query;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(FakeBackends.class)
class ArticleQueriesTest {

    @Test
    void articleMapsAllFields() {
        JsonPath r = query("""
                { article(id: "a1") { id url source title text publishedAt language contentHash status } }""");
        assertThat(errors(r)).isEmpty();
        assertThat(r.getString("data.article.id")).isEqualTo("a1");
        assertThat(r.getString("data.article.url")).isEqualTo("https://reuters.example/a1");
        assertThat(r.getString("data.article.source")).isEqualTo("reuters");
        assertThat(r.getString("data.article.title")).isEqualTo("Summit opens");
        assertThat(r.getString("data.article.text")).startsWith("Jane Doe said");
        assertThat(r.getString("data.article.publishedAt")).isEqualTo("2026-11-01T10:00:00Z");
        assertThat(r.getString("data.article.language")).isEqualTo("en");
        assertThat(r.getString("data.article.contentHash")).isEqualTo("hash-a1");
        assertThat(r.getString("data.article.status")).isEqualTo("DELIVERED");
    }

    @Test
    void unknownArticleIsNull() {
        JsonPath r = query("{ article(id: \"nope\") { id title } }");
        assertThat(errors(r)).isEmpty();
        assertThat(r.getMap("data")).containsEntry("article", null);
    }

    @Test
    void articlesArePagedWithOpaqueCursors() {
        String q = """
                query($after: String) { articles(first: 2, after: $after) {
                  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }""";
        JsonPath p1 = query(q, Map.of());
        assertThat(errors(p1)).isEmpty();
        assertThat(p1.getInt("data.articles.totalCount")).isEqualTo(5);
        assertThat(p1.getList("data.articles.edges.node.id")).containsExactly("a5", "a4");
        assertThat(p1.getBoolean("data.articles.pageInfo.hasNextPage")).isTrue();
        String end = p1.getString("data.articles.pageInfo.endCursor");
        assertThat(end).isEqualTo(p1.getString("data.articles.edges[1].cursor")).doesNotContain("offset");

        JsonPath p2 = query(q, Map.of("after", end));
        assertThat(p2.getList("data.articles.edges.node.id")).containsExactly("a3", "a2");
        assertThat(p2.getBoolean("data.articles.pageInfo.hasNextPage")).isTrue();

        JsonPath p3 = query(q, Map.of("after", p2.getString("data.articles.pageInfo.endCursor")));
        assertThat(p3.getList("data.articles.edges.node.id")).containsExactly("a1");
        assertThat(p3.getBoolean("data.articles.pageInfo.hasNextPage")).isFalse();
        assertThat(p3.getInt("data.articles.totalCount")).isEqualTo(5);
    }

    @Test
    void articlesFilterBySourceAndTime() {
        JsonPath r = query("""
                { articles(source: "reuters", from: "2026-11-02T00:00:00Z") { totalCount edges { node { id source } } } }""");
        assertThat(errors(r)).isEmpty();
        assertThat(r.getList("data.articles.edges.node.id")).containsExactly("a3");
        assertThat(r.getInt("data.articles.totalCount")).isEqualTo(1);
    }

    @Test
    void defaultPageSizeIsTwenty() {
        JsonPath r = query("{ articles { totalCount pageInfo { hasNextPage } edges { node { id } } } }");
        assertThat(r.getList("data.articles.edges")).hasSize(5);
        assertThat(r.getBoolean("data.articles.pageInfo.hasNextPage")).isFalse();
    }

    @Test
    void firstZeroGivesOnlyTheCount() {
        JsonPath r = query("{ articles(first: 0) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }");
        assertThat(errors(r)).isEmpty();
        assertThat(r.getList("data.articles.edges")).isEmpty();
        assertThat(r.getInt("data.articles.totalCount")).isEqualTo(5);
        assertThat(r.getBoolean("data.articles.pageInfo.hasNextPage")).isTrue();
    }

    @Test
    void firstAboveHundredIsAnErrorNamingTheLimit() {
        JsonPath r = query("{ articles(first: 101) { totalCount } }");
        assertThat(errors(r)).hasSize(1);
        assertThat(errors(r).get(0)).contains("100").contains("first");
    }

    @Test
    void aBadCursorIsAnError() {
        JsonPath r = query("{ articles(after: \"not-a-cursor\") { totalCount } }");
        assertThat(errors(r)).singleElement().asString().contains("invalid cursor");
    }
}
