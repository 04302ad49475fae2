package io.quotegraph.gateway.observability;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the OpenTelemetry SDK on (as in the cluster's kube profile), the gateway's calls to its backends carry a W3C
 * {@code traceparent}: the trace continues into the services. No exporter here; the propagation is what is checked.
 */
@QuarkusTest
@TestProfile(TracingTest.TracingOn.class)
@WithTestResource(HeaderCapturingBackend.class)
class TracingTest {

    public static class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.traces.exporter", "none");
        }
    }

    @ConfigProperty(name = "test.backend.url")
    String backendUrl;

    @Test
    void backendCallsCarryTheTraceOfTheGraphqlRequest() {
        String incomingTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
        given().contentType("application/json")
                .header("traceparent", "00-" + incomingTrace + "-00f067aa0ba902b7-01")
                .body(Map.of("query", "{ articles { totalCount } }"))
                .post("/graphql").then().statusCode(200);

        List<String> calls = List.of(given().get(backendUrl + "/__traceparents").then().statusCode(200)
                .extract().asString().split("\n"));
        assertThat(calls).isNotEmpty();
        for (String call : calls) {
            // "<path> 00-<trace id>-<span id>-01": same trace as the caller's, a new span of the gateway's own
            assertThat(call).as(call).matches("/\\S* 00-" + incomingTrace + "-[0-9a-f]{16}-01");
            assertThat(call).doesNotContain("00f067aa0ba902b7");
        }
    }
}
