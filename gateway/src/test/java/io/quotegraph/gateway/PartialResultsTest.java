package io.quotegraph.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.gateway.fake.StatementsServiceDown;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.quotegraph.gateway.GraphQL.errors;
import static io.quotegraph.gateway.GraphQL.query;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With statements-service down, what ingest-service serves still answers; each field that needs statements-service is
 * null with an error whose path points at it (top-level connections and fields across services are nullable for this). Repeated failures open the circuit breaker: later calls fail at once.
 */
@QuarkusTest
@WithTestResource(StatementsServiceDown.class)
class PartialResultsTest {

    @Test
    void articlesAnswerWhileTheirStatementsFail() {
        JsonPath r = query("""
                { articles(first: 2) { totalCount edges { node { id title statements { totalCount } events { id } } } }
                  speakers { totalCount } }""");
        assertThat(r.getList("data.articles.edges.node.id")).containsExactly("a5", "a4");
        assertThat(r.getString("data.articles.edges[1].node.title")).isNotBlank();
        for (String field : List.of("edges[0].node.statements", "edges[0].node.events", "edges[1].node.statements")) {
            assertThat((Object) r.get("data.articles." + field)).as(field).isNull();
        }
        assertThat(r.getMap("data")).containsKeys("articles", "speakers");
        assertThat((Object) r.get("data.speakers")).isNull();

        List<Map<String, Object>> errors = r.getList("errors");
        assertThat(errors).allSatisfy(e -> assertThat((String) e.get("message")).contains("statements-service is unavailable"));
        assertThat(errors).extracting(e -> e.get("path")).contains(
                List.of("articles", "edges", 0, "node", "statements"),
                List.of("articles", "edges", 1, "node", "statements"),
                List.of("articles", "edges", 0, "node", "events"),
                List.of("speakers"));
    }

    @Test
    void repeatedFailuresOpenTheCircuitBreaker() {
        for (int i = 0; i < 12; i++) {
            query("{ speaker(id: \"s1\") { id } }");
        }
        JsonPath r = query("{ speaker(id: \"s1\") { id } article(id: \"a1\") { id } }");
        assertThat(errors(r)).singleElement().asString().contains("statements-service is unavailable (circuit breaker open");
        assertThat(r.getString("data.article.id")).isEqualTo("a1");
    }
}
