package io.quotegraph.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Each service's Deployment and Service agree with what the application itself is configured to do. */
class ServicesMatchApplicationsTest {

    /**
     * Quarkus configuration the manifests set that is not in application.properties, each for a reason: the
     * profile (prod,kube: JSON logs and tracing), graceful shutdown, the OTLP endpoint and tracing switch, and the
     * MongoDB credentials, kept apart from the connection string so that they can come from a Secret.
     */
    private static final Set<String> CLUSTER_ONLY_VARIABLES = Set.of("QUARKUS_PROFILE", "QUARKUS_SHUTDOWN_TIMEOUT",
            "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "QUARKUS_OTEL_SDK_DISABLED", "QUARKUS_MONGODB_CREDENTIALS_USERNAME",
            "QUARKUS_MONGODB_CREDENTIALS_PASSWORD", "QUARKUS_MONGODB_CREDENTIALS_AUTH_SOURCE");

    static Stream<Arguments> servicesInEachOverlay() {
        return Stream.concat(Stream.of("base"), Project.OVERLAYS.stream())
                .flatMap(overlay -> Project.SERVICES.stream().map(service -> Arguments.of(overlay, service)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("servicesInEachOverlay")
    void portsAndProbesAreTheApplications(String overlay, String module) {
        Objects objects = Objects.of(overlay);
        Project.Service app = Project.service(module);
        Container container = mainContainer(objects, module);

        ContainerPort http = container.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst()
                .orElseThrow(() -> new AssertionError(module + " has no container port named http"));
        assertThat(http.getContainerPort()).as("quarkus.http.port of " + module).isEqualTo(app.httpPort());
        Map<String, String> env = objects.environment(container);
        assertThat(env).as(module).containsEntry("QUARKUS_HTTP_PORT", Integer.toString(app.httpPort()));

        assertHealthProbe(module, container.getStartupProbe(), "/q/health/started");
        assertHealthProbe(module, container.getReadinessProbe(), "/q/health/ready");
        assertHealthProbe(module, container.getLivenessProbe(), "/q/health/live");

        Service service = objects.get(Service.class, module);
        ServicePort port = service.getSpec().getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("Service " + module + " has no port named http"));
        assertThat(port.getPort()).as("Service " + module + " port").isEqualTo(app.httpPort());
        assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("servicesInEachOverlay")
    void everyVariableIsOneTheApplicationReads(String overlay, String module) {
        Objects objects = Objects.of(overlay);
        Project.Service app = Project.service(module);
        Map<String, String> env = objects.environment(mainContainer(objects, module));
        for (String name : env.keySet()) {
            assertThat(app.readsEnvironmentVariable(name) || CLUSTER_ONLY_VARIABLES.contains(name))
                    .as(overlay + ": " + module + " sets " + name
                            + ", which matches no key of its application.properties (a typo is silently ignored)")
                    .isTrue();
        }
        assertThat(env.get("QUARKUS_PROFILE")).as(module).isEqualTo("prod,kube");
        assertThat(app.properties().stringPropertyNames()).as(module + " has settings for the kube profile")
                .anyMatch(k -> k.startsWith("%kube."));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("servicesInEachOverlay")
    void everyBackendAddressIsAServiceOfTheBuild(String overlay, String module) {
        Objects objects = Objects.of(overlay);
        Map<String, String> env = objects.environment(mainContainer(objects, module));
        for (Map.Entry<String, String> e : env.entrySet()) {
            List<HostPort> targets = addresses(e.getKey(), e.getValue());
            for (HostPort target : targets) {
                if (target.host().contains(".") && !target.host().matches("[a-z0-9-]+-\\d+\\.[a-z0-9-]+")) {
                    continue; // outside the namespace (the OTLP collector): covered by the network policy test
                }
                String serviceName = target.host().contains(".") ? target.host().substring(target.host().indexOf('.') + 1)
                        : target.host();
                Service service = objects.find(Service.class, serviceName).orElseThrow(() -> new AssertionError(
                        overlay + ": " + module + " " + e.getKey() + " names " + serviceName + ", which is no Service"));
                assertThat(service.getSpec().getPorts()).as(e.getKey() + " of " + module)
                        .anyMatch(p -> p.getPort() == target.port());
                if (target.host().contains(".")) { // a StatefulSet member: <set>-<ordinal>.<headless service>
                    String pod = target.host().substring(0, target.host().indexOf('.'));
                    String set = pod.substring(0, pod.lastIndexOf('-'));
                    int ordinal = Integer.parseInt(pod.substring(pod.lastIndexOf('-') + 1));
                    StatefulSet statefulSet = objects.get(StatefulSet.class, set);
                    assertThat(statefulSet.getSpec().getServiceName()).isEqualTo(serviceName);
                    assertThat(statefulSet.getSpec().getReplicas()).as(overlay + ": " + target.host() + " exists")
                            .isGreaterThan(ordinal);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("servicesInEachOverlay")
    void aRolloutNeverDropsBelowTheWantedReplicas(String overlay, String module) {
        Deployment deployment = Objects.of(overlay).get(Deployment.class, module);
        assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
        assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
        Container container = mainContainer(Objects.of(overlay), module);
        assertThat(container.getLifecycle().getPreStop()).as(module + " waits for endpoints to update").isNotNull();
        assertThat(objects(overlay).environment(container)).containsKey("QUARKUS_SHUTDOWN_TIMEOUT");
    }

    record HostPort(String host, int port) {
    }

    /** The host:port pairs an address variable (URL, JDBC URL, MongoDB connection string) points at. */
    static List<HostPort> addresses(String name, String value) {
        if (value == null || value.startsWith("secret:")) {
            return List.of();
        }
        if (name.endsWith("_URL") && value.startsWith("jdbc:")) {
            URI uri = URI.create(value.substring("jdbc:".length()));
            return List.of(new HostPort(uri.getHost(), uri.getPort()));
        }
        if (name.endsWith("_URL") || name.endsWith("_ENDPOINT")) {
            URI uri = URI.create(value);
            return List.of(new HostPort(uri.getHost(), uri.getPort()));
        }
        if (name.endsWith("_CONNECTION_STRING")) {
            String hosts = value.replaceFirst("^mongodb://", "").replaceFirst("/.*$", "");
            return Stream.of(hosts.split(",")).map(h -> new HostPort(h.substring(0, h.indexOf(':')),
                    Integer.parseInt(h.substring(h.indexOf(':') + 1)))).toList();
        }
        return List.of();
    }

    static Container mainContainer(Objects objects, String module) {
        Deployment deployment = objects.get(Deployment.class, module);
        return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals(module)).findFirst()
                .orElseThrow(() -> new AssertionError("Deployment " + module + " has no container " + module));
    }

    private static Objects objects(String overlay) {
        return Objects.of(overlay);
    }

    private static void assertHealthProbe(String module, Probe probe, String path) {
        assertThat(probe).as(module + " probe " + path).isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get).as(module + " probe " + path + " is an HTTP GET").isNotNull();
        assertThat(get.getPath()).isEqualTo(path);
        assertThat(get.getPort().getStrVal()).as(module + " probe port").isEqualTo("http");
    }
}
