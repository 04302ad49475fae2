package io.quotegraph.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.gateway.fake.FakeBackends;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.quotegraph.gateway.GraphQL.errors;
import static io.quotegraph.gateway.GraphQL.query;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The Prometheus endpoint exposes GraphQL latency per operation field and the backend calls a query made. */
@QuarkusTest
@WithTestResource(FakeBackends.class)
class MetricsTest {

    @Test
    void graphqlLatencyAndBackendCallsAreExposedAfterAQuery() {
        String before = scrape();
        JsonPath r = query("{ articles { totalCount } }");
        assertThat(errors(r)).isEmpty();

        String after = scrape();
        // SmallRye GraphQL's Micrometer timer, one series per root field
        assertThat(sum(after, "mp_graphql_seconds_count", "name=\"articles\""))
                .isEqualTo(sum(before, "mp_graphql_seconds_count", "name=\"articles\"") + 1);
        // as histograms, so that dashboards can compute latency quantiles across pods
        assertThat(after).containsPattern("mp_graphql_seconds_bucket\\{[^}]*name=\"articles\"");
        assertThat(after).containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/graphql\"");
        // the whole HTTP request
        assertThat(sum(after, "http_server_requests_seconds_count", "uri=\"/graphql\""))
                .isGreaterThan(sum(before, "http_server_requests_seconds_count", "uri=\"/graphql\""));
        // the REST client calls to ingest-service, by route template
        assertThat(after).containsPattern("http_client_requests_seconds_count\\{[^}]*uri=\"/articles\"");
    }

    @Test
    void probesAndScrapesAreNotCountedAsTraffic() {
        given().get("/q/health/live").then().statusCode(200);
        assertThat(scrape()).doesNotContainPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/q/");
    }

    private static String scrape() {
        return given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sum of the samples of a metric whose labels contain {@code label}; 0 when there is none yet. */
    private static double sum(String exposition, String metric, String label) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(metric) + "\\{([^}]*)} (\\S+)$").matcher(exposition);
        double total = 0;
        while (m.find()) {
            if (m.group(1).contains(label)) {
                total += Double.parseDouble(m.group(2));
            }
        }
        return total;
    }
}
