package io.quotegraph.statements;

import com.mongodb.MongoClientSettings;
import com.mongodb.event.CommandListener;
import io.quarkus.mongodb.tracing.MongoTracingCommandListener;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.statements.common.MongoCommandTracing;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Prometheus endpoint exposes the delivery and speaker-resolution timers after a real delivery; MongoDB commands
 * reach the driver metrics and Quotegraph's tracing listener (not Quarkus's, which costs CPU with the SDK off).
 */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
class MetricsTest {

    @Test
    void deliveryAndResolutionLatenciesAreExposedAfterADelivery() {
        double deliveriesBefore = sample(scrape(), "quotegraph_statements_delivery_seconds_count");
        double resolutionsBefore = sample(scrape(), "quotegraph_speaker_resolution_seconds_count");

        String surname = Articles.name();
        Articles article = Articles.article("metrics")
                .speaker("S1", "Rosa " + surname, "PERSON", List.of("Rosa " + surname, surname), "minister", "Ministry of Metrics")
                .statement("DIRECT", "Every delivery is measured", "Rosa " + surname, "said", "S1");
        article.deliver().statusCode(200);

        String metrics = scrape();
        assertThat(sample(metrics, "quotegraph_statements_delivery_seconds_count")).isEqualTo(deliveriesBefore + 1);
        assertThat(sample(metrics, "quotegraph_speaker_resolution_seconds_count")).isGreaterThan(resolutionsBefore);
        // histograms, so that dashboards can compute quantiles across pods
        assertThat(metrics).contains("quotegraph_statements_delivery_seconds_bucket{");
        assertThat(metrics).contains("quotegraph_speaker_resolution_seconds_bucket{");
        // the HTTP server timer is tagged by route template, not by article id
        assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/articles/\\{articleId}/extraction\"");
        assertThat(metrics).doesNotContain(article.articleId);
        // MongoDB driver metrics
        assertThat(metrics).contains("mongodb_driver_commands_seconds");
    }

    @Inject
    @Any
    Instance<CommandListener> commandListeners;
    @Inject
    MongoCommandTracing tracing;

    /**
     * No tracing listener is registered while the SDK is off (a registered one, even idle, is called for every command
     * event): the tracing customizer adds none, and no tracing listener is a bean.
     */
    @Test
    void mongoCommandsAreNotTracedWhileTheSdkIsOff() {
        assertThat(tracing.enabled()).as("quarkus.otel.sdk.disabled=true in tests").isFalse();
        assertThat(tracing.customize(MongoClientSettings.builder()).build().getCommandListeners()).isEmpty();
        assertThat(commandListeners.stream().toList()).noneMatch(listener -> listener instanceof MongoTracingCommandListener
                || listener instanceof MongoCommandTracing);
    }

    @Test
    void probesAndScrapesAreNotCountedAsTraffic() {
        given().get("/q/health/ready").then().statusCode(200);
        String metrics = scrape();
        assertThat(metrics).doesNotContainPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/q/");
    }

    static String scrape() {
        return given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sum of every sample of this metric (over all label sets); 0 when there is none yet. */
    static double sample(String exposition, String metric) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(metric) + "(?:\\{[^}]*})? (\\S+)$").matcher(exposition);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }
}
