package io.quotegraph.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.gateway.fake.DeadBackends;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.quotegraph.gateway.GraphQL.errors;
import static io.quotegraph.gateway.GraphQL.query;
import static org.assertj.core.api.Assertions.assertThat;

/** An unreachable or hanging backend is a prompt GraphQL error naming the service. */
@QuarkusTest
@WithTestResource(DeadBackends.class)
class BackendDownTest {

    @Test
    void refusedConnectionNamesIngestService() {
        JsonPath r = query("{ article(id: \"a1\") { id } }");
        assertThat(errors(r)).singleElement().asString()
                .contains("ingest-service").contains("unavailable");
    }

    @Test
    void mutationAgainstDeadBackendNamesIngestService() {
        JsonPath r = query("mutation { ingestArticle(input: {text: \"x\", publishedAt: \"2026-11-20T08:30:00Z\"}) { id } }");
        assertThat(errors(r)).singleElement().asString().contains("ingest-service is unavailable");
    }

    @Test
    void hangingBackendTimesOutAndNamesStatementsService() {
        long start = System.nanoTime();
        JsonPath r = query("{ speakers { totalCount } }");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(errors(r)).singleElement().asString()
                .contains("statements-service").contains("unavailable");
        assertThat(millis).isLessThan(4_000);
    }

    @Test
    void eachFieldFailsOnItsOwn() {
        JsonPath r = query("{ article(id: \"a1\") { id } speaker(id: \"s1\") { id } }");
        assertThat(errors(r)).hasSize(2).anySatisfy(m -> assertThat(m).contains("ingest-service is unavailable"))
                .anySatisfy(m -> assertThat(m).contains("statements-service is unavailable"));
        Map<String, Object> data = r.getMap("data");
        assertThat(data).containsEntry("article", null).containsEntry("speaker", null);
    }
}
