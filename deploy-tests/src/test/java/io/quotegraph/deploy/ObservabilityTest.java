package io.quotegraph.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The ServiceMonitor scrapes what the services expose, and the dashboard charts meters that exist. */
class ObservabilityTest {

    /**
     * Meters the dashboard uses that Quarkus extensions register (Micrometer's HTTP server binder, the JVM binder,
     * SmallRye GraphQL and SmallRye Fault Tolerance), not this project's code.
     */
    private static final Set<String> FRAMEWORK_METERS = Set.of("http_server_requests_seconds", "jvm_memory_used_bytes",
            "mp_graphql_seconds", "ft_retry_retries_total");

    private static final Pattern METRIC = Pattern.compile("\\b([a-z_][a-z0-9_]*)\\s*\\{");

    @Test
    void theServiceMonitorScrapesEveryServiceWhereItServesMetrics() {
        Objects prod = Objects.of("overlays/prod");
        List<ServiceMonitor> monitors = prod.ofKind(ServiceMonitor.class);
        assertThat(monitors).hasSize(1);
        ServiceMonitor monitor = monitors.get(0);
        List<String> scraped = prod.ofKind(Service.class).stream()
                .filter(s -> Objects.matches(monitor.getSpec().getSelector(), s.getMetadata().getLabels()))
                .map(s -> s.getMetadata().getName()).toList();
        assertThat(scraped).containsExactlyInAnyOrderElementsOf(Project.SERVICES);
        assertThat(monitor.getSpec().getEndpoints()).hasSize(1);
        Endpoint endpoint = monitor.getSpec().getEndpoints().get(0);
        for (String module : Project.SERVICES) {
            Service service = prod.get(Service.class, module);
            assertThat(service.getSpec().getPorts()).anyMatch(p -> p.getName().equals(endpoint.getPort()));
            // Micrometer's Prometheus endpoint: /q/metrics unless a service moves it
            Project.Service app = Project.service(module);
            assertThat(app.properties().getProperty("quarkus.micrometer.export.prometheus.path")).isNull();
            assertThat(app.properties().getProperty("quarkus.http.non-application-root-path")).isNull();
            assertThat(Project.read(app.pom())).contains("<artifactId>quarkus-micrometer-registry-prometheus</artifactId>");
        }
        assertThat(endpoint.getPath()).isEqualTo("/q/metrics");
    }

    @Test
    void theDashboardIsValidAndChartsOnlyMetersThatExist() throws IOException {
        Path file = Project.DEPLOY.resolve("components/monitoring/dashboards/quotegraph.json");
        JsonNode dashboard = new ObjectMapper().readTree(file.toFile());
        assertThat(dashboard.path("uid").asText()).isEqualTo("quotegraph");
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            assertThat(panel.path("targets").size()).as("panel " + panel.path("title").asText()).isPositive();
            panel.path("targets").forEach(t -> expressions.add(t.path("expr").asText()));
        }
        Set<String> meters = new TreeSet<>();
        for (String expr : expressions) {
            Matcher m = METRIC.matcher(expr);
            while (m.find()) {
                meters.add(m.group(1));
            }
        }
        // the meters the issue asks for are all charted
        assertThat(meters).contains("quotegraph_ingest_articles_total", "quotegraph_extraction_seconds_bucket",
                "quotegraph_delivery_backlog_articles", "quotegraph_delivery_retries_total",
                "quotegraph_statements_delivery_seconds_bucket", "quotegraph_speaker_resolution_seconds_bucket",
                "mp_graphql_seconds_bucket");
        String sources = allServiceSources();
        for (String meter : meters) {
            String base = meter.replaceFirst("_(bucket|count|sum)$", "");
            if (FRAMEWORK_METERS.contains(base)) {
                continue;
            }
            // Prometheus names are Micrometer's dotted names plus a unit suffix: find the dotted name in the code
            String dotted = base.replaceFirst("_(total|seconds|articles)$", "").replace('_', '.');
            assertThat(sources).as("a meter named " + dotted + " (charted as " + meter + ") is registered by a service")
                    .contains("\"" + dotted + "\"");
        }
        // the dashboard shipped in the ConfigMap is this file
        ConfigMap map = Objects.of("overlays/prod").get(ConfigMap.class, "quotegraph-grafana-dashboard");
        assertThat(new ObjectMapper().readTree(map.getData().get("quotegraph.json"))).isEqualTo(dashboard);
        assertThat(map.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
    }

    @Test
    void tracingAndJsonLogsAreOffOnTheEmbeddedDefaultsAndOnInTheCluster() {
        for (String module : Project.SERVICES) {
            Project.Service app = Project.service(module);
            Map<Object, Object> p = app.properties();
            assertThat(p.get("quarkus.otel.sdk.disabled")).as(module).isEqualTo("true");
            assertThat(p.get("%kube.quarkus.otel.sdk.disabled")).as(module).isEqualTo("false");
            assertThat(p.get("quarkus.log.console.json.enabled")).as(module).isEqualTo("false");
            assertThat(p.get("%kube.quarkus.log.console.json.enabled")).as(module).isEqualTo("true");
            assertThat(Project.read(app.pom())).as(module).contains("<artifactId>quarkus-opentelemetry</artifactId>",
                    "<artifactId>quarkus-logging-json</artifactId>");
        }
        // every overlay points the exporter somewhere; prod leaves tracing on, dev turns it off (no collector there)
        for (String overlay : Project.OVERLAYS) {
            Objects objects = Objects.of(overlay);
            for (String module : Project.SERVICES) {
                Map<String, String> env = objects.environment(ServicesMatchApplicationsTest.mainContainer(objects, module));
                assertThat(env).as(overlay + " " + module).containsKey("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT");
                assertThat(env.get("QUARKUS_OTEL_SDK_DISABLED")).as(overlay + " " + module)
                        .isEqualTo(overlay.endsWith("dev") ? "true" : null);
            }
        }
    }

    private static String allServiceSources() {
        StringBuilder all = new StringBuilder();
        for (String module : Project.SERVICES) {
            try (Stream<Path> files = Files.walk(Project.ROOT.resolve(module).resolve("src/main"))) {
                files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".properties"))
                        .forEach(f -> all.append(Project.read(f)).append('\n'));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all.toString();
    }
}
