package io.quotegraph.gateway.graphql;

import graphql.introspection.IntrospectionQuery;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.gateway.fake.FakeBackends;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.quotegraph.gateway.GraphQL.errors;
import static io.quotegraph.gateway.GraphQL.query;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Each limit of the module README: an abusive request gets a prompt error naming the limit; ordinary ones pass. */
@QuarkusTest
@WithTestResource(FakeBackends.class)
class QueryLimitsTest {

    @Test
    void graphiqlsIntrospectionQueryFitsTheLimits() {
        JsonPath r = query(IntrospectionQuery.INTROSPECTION_QUERY);
        assertThat(errors(r)).isEmpty();
        assertThat(r.getList("data.__schema.types.name")).contains("Article", "Statement", "Speaker");
    }

    @Test
    void depthOverTheLimitIsRejected() {
        // 16 levels: articles > edges > node > (statements > edges > node > article) x 3 > statements > totalCount
        String nested = "statements { edges { node { article { %s } } } }";
        String inner = "statements { totalCount }";
        for (int i = 0; i < 3; i++) {
            inner = nested.formatted(inner);
        }
        JsonPath r = query("{ articles { edges { node { " + inner + " } } } }");
        assertThat(errors(r)).singleElement().asString().contains("maximum query depth exceeded").contains("> 15");
        assertThat(r.getMap("")).doesNotContainKey("data").isNotNull();
    }

    @Test
    void complexityOverTheLimitIsRejected() {
        JsonPath r = query("{ articles { edges { node { " + "id ".repeat(1_000) + "} } } }");
        assertThat(errors(r)).singleElement().asString().contains("maximum query complexity exceeded").contains("> 1000");
    }

    @Test
    void tokensOverTheLimitAreRejected() {
        JsonPath r = query("{ articles { edges { node { " + "id ".repeat(6_000) + "} } } }");
        assertThat(errors(r)).singleElement().asString().contains("5000").containsIgnoringCase("tokens").contains("quarkus.smallrye-graphql.parser-max-tokens");
    }

    @Test
    void aliasesOverTheLimitAreRejected() {
        StringBuilder q = new StringBuilder("{ ");
        for (int i = 0; i < 31; i++) {
            q.append("a").append(i).append(": article(id: \"a1\") { id } ");
        }
        JsonPath r = query(q.append("}").toString());
        assertThat(errors(r)).singleElement().asString().contains("maximum aliases exceeded 31 > 30")
                .contains("quotegraph.gateway.max-aliases");

        JsonPath thirty = query(q.toString().replace("a30: article(id: \"a1\") { id } ", ""));
        assertThat(errors(thirty)).isEmpty();
        assertThat(thirty.getString("data.a29.id")).isEqualTo("a1");
    }

    @Test
    void oversizedBodyGetsProblemNamingTheLimit() {
        String padding = "x".repeat(4 * 1024 * 1024);
        given().contentType(ContentType.JSON).body(Map.of("query", "{ articles { totalCount } }", "variables", Map.of("pad", padding)))
                .post("/graphql")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("detail", containsString("quarkus.http.limits.max-body-size"))
                .body("detail", containsString("4194304"));
    }
}
