package io.quotegraph.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evaluates the NetworkPolicies with Kubernetes' semantics over every pair of pods (the workloads of the build and
 * the pods outside the namespace they deal with) and every port, and compares what they allow with what the
 * services actually call: the addresses in their configuration, the Ingress, the metrics scrape, the replica set.
 * Exactly those paths are allowed, nothing else.
 */
class NetworkPolicyTest {

    private static final String TCP = "TCP";
    private static final String UDP = "UDP";

    /** A pod: its namespace, labels and the ports it listens on (name to number). */
    record Pod(String name, String namespace, Map<String, String> labels, Map<String, Integer> ports) {
    }

    record Path(String from, String to, String protocol, int port) implements Comparable<Path> {
        @Override
        public int compareTo(Path o) {
            return toString().compareTo(o.toString());
        }

        @Override
        public String toString() {
            return from + " -> " + to + ":" + port + "/" + protocol;
        }
    }

    static Stream<String> overlays() {
        return Stream.concat(Stream.of("base"), Project.OVERLAYS.stream());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void policiesAllowExactlyThePathsTheServicesUse(String overlay) {
        Objects objects = Objects.of(overlay);
        String namespace = objects.namespace();
        Map<String, Pod> pods = pods(objects, namespace);

        Set<Path> expected = expectedPaths(objects, pods);
        Set<Path> allowed = new TreeSet<>();
        List<NetworkPolicy> policies = objects.ofKind(NetworkPolicy.class);
        for (Pod from : pods.values()) {
            for (Pod to : pods.values()) {
                if (!from.namespace().equals(namespace) && !to.namespace().equals(namespace)) {
                    continue; // traffic between other namespaces is not this deployment's to police
                }
                for (Map.Entry<String, Integer> port : to.ports().entrySet()) {
                    for (String protocol : to.name().equals("kube-dns") ? List.of(TCP, UDP) : List.of(TCP)) {
                        if (allows(policies, namespace, from, to, port.getKey(), port.getValue(), protocol)) {
                            allowed.add(new Path(from.name(), to.name(), protocol, port.getValue()));
                        }
                    }
                }
            }
        }
        assertThat(allowed).as(overlay + ": the paths the NetworkPolicies allow")
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void nothingButTheGatewayIsReachableFromOutside(String overlay) {
        Objects objects = Objects.of(overlay);
        String namespace = objects.namespace();
        Map<String, Pod> pods = pods(objects, namespace);
        List<NetworkPolicy> policies = objects.ofKind(NetworkPolicy.class);
        Pod stranger = pods.get("stranger");
        for (Pod to : pods.values()) {
            if (!to.namespace().equals(namespace)) {
                continue;
            }
            for (Map.Entry<String, Integer> port : to.ports().entrySet()) {
                assertThat(allows(policies, namespace, stranger, to, port.getKey(), port.getValue(), TCP))
                        .as(overlay + ": a pod of another namespace reaches " + to.name() + ":" + port.getValue())
                        .isFalse();
            }
        }
        for (String database : List.of("postgres", "mongodb")) {
            List<String> clients = new ArrayList<>();
            for (Pod from : pods.values()) {
                Pod to = pods.get(database);
                int port = to.ports().values().iterator().next();
                if (!from.name().equals(database) && allows(policies, namespace, from, to, null, port, TCP)) {
                    clients.add(from.name());
                }
            }
            assertThat(clients).as(overlay + ": who reaches " + database)
                    .containsExactlyInAnyOrderElementsOf(database.equals("postgres") ? List.of("ingest-service")
                            : List.of("statements-service", "mongodb-rs-init"));
        }
    }

    @Test
    void aPolicyOpeningADatabaseToTheNamespaceIsCaught() {
        Objects objects = Objects.of("overlays/prod");
        String namespace = objects.namespace();
        Map<String, Pod> pods = pods(objects, namespace);
        List<NetworkPolicy> policies = new ArrayList<>();
        for (NetworkPolicy policy : objects.ofKind(NetworkPolicy.class)) {
            NetworkPolicy copy = Kustomize.SERIALIZATION.clone(policy);
            if (copy.getMetadata().getName().equals("postgres")) {
                copy.getSpec().getIngress().get(0).setFrom(List.of()); // "from anywhere"
            }
            policies.add(copy);
        }
        assertThat(allows(policies, namespace, pods.get("gateway"), pods.get("postgres"), "postgres", 5432, TCP))
                .as("the gateway's own egress policy still stops it").isFalse();
        assertThat(allows(policies, namespace, pods.get("stranger"), pods.get("postgres"), "postgres", 5432, TCP))
                .as("but a pod of another namespace now gets in").isTrue();
    }

    /** The workloads of the build, and the pods outside the namespace that matter. */
    private static Map<String, Pod> pods(Objects objects, String namespace) {
        Map<String, Pod> pods = new LinkedHashMap<>();
        objects.podTemplates().forEach((name, template) -> {
            Map<String, Integer> ports = new LinkedHashMap<>();
            template.getSpec().getContainers().forEach(c -> {
                if (c.getPorts() != null) {
                    c.getPorts().forEach(p -> ports.put(p.getName(), p.getContainerPort()));
                }
            });
            pods.put(name, new Pod(name, namespace, template.getMetadata().getLabels(), ports));
        });
        pods.put("ingress-controller", new Pod("ingress-controller", "ingress-nginx",
                Map.of("app.kubernetes.io/name", "ingress-nginx"), Map.of()));
        pods.put("prometheus", new Pod("prometheus", "monitoring", Map.of("app.kubernetes.io/name", "prometheus"), Map.of()));
        pods.put("otel-collector", new Pod("otel-collector", "observability",
                Map.of("app.kubernetes.io/name", "otel-collector"), Map.of("otlp-grpc", 4317)));
        pods.put("kube-dns", new Pod("kube-dns", "kube-system", Map.of("k8s-app", "kube-dns"), Map.of("dns", 53)));
        pods.put("stranger", new Pod("stranger", "default-other", Map.of("app.kubernetes.io/name", "gateway"), Map.of()));
        return pods;
    }

    /** What the configuration says is called. */
    private static Set<Path> expectedPaths(Objects objects, Map<String, Pod> pods) {
        Set<Path> expected = new TreeSet<>();
        Map<String, PodTemplateSpec> templates = objects.podTemplates();
        for (String workload : templates.keySet()) {
            // every pod resolves names
            expected.add(new Path(workload, "kube-dns", TCP, 53));
            expected.add(new Path(workload, "kube-dns", UDP, 53));
        }
        for (Deployment deployment : objects.ofKind(Deployment.class)) {
            String from = deployment.getMetadata().getName();
            for (Container c : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                objects.environment(c).forEach((name, value) -> {
                    for (ServicesMatchApplicationsTest.HostPort target : ServicesMatchApplicationsTest.addresses(name, value)) {
                        expected.add(new Path(from, workloadAt(objects, target.host()), TCP, target.port()));
                    }
                });
            }
        }
        // the Ingress controller reaches the Services the Ingress routes to
        for (Ingress ingress : objects.ofKind(Ingress.class)) {
            ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(p -> {
                Service service = objects.get(Service.class, p.getBackend().getService().getName());
                expected.add(new Path("ingress-controller", service.getMetadata().getName(), TCP,
                        targetPort(pods.get(service.getMetadata().getName()), service, p.getBackend().getService().getPort().getName())));
            }));
        }
        // Prometheus scrapes every Service marked for metrics on its http port
        for (Service service : objects.ofKind(Service.class)) {
            if ("true".equals(service.getMetadata().getLabels().get("quotegraph.io/metrics"))) {
                expected.add(new Path("prometheus", service.getMetadata().getName(), TCP,
                        targetPort(pods.get(service.getMetadata().getName()), service, "http")));
            }
        }
        // MongoDB members talk to each other; the replica set Job talks to the members its script names
        templates.forEach((workload, template) -> {
            for (Container c : Objects.allContainers(template)) {
                List<String> words = new ArrayList<>();
                if (c.getArgs() != null) {
                    words.addAll(c.getArgs());
                }
                if (c.getCommand() != null) {
                    words.addAll(c.getCommand());
                }
                if (words.contains("--replSet")) {
                    expected.add(new Path(workload, workload, TCP, pods.get(workload).ports().values().iterator().next()));
                }
                Matcher member = Pattern.compile("\\b([a-z0-9-]+)-\\d+\\.([a-z0-9-]+):(\\d+)").matcher(String.join(" ", words));
                while (member.find()) {
                    expected.add(new Path(workload, member.group(1), TCP, Integer.parseInt(member.group(3))));
                }
            }
        });
        return expected;
    }

    /** The workload behind a host name of the build (a Service, or a StatefulSet member), or the collector. */
    private static String workloadAt(Objects objects, String host) {
        if (host.equals("otel-collector.observability")) {
            return "otel-collector";
        }
        String service = host.matches("[a-z0-9-]+-\\d+\\.[a-z0-9-]+") ? host.substring(host.indexOf('.') + 1) : host;
        Service s = objects.get(Service.class, service);
        return objects.podTemplates().entrySet().stream()
                .filter(e -> e.getValue().getMetadata().getLabels().entrySet().containsAll(s.getSpec().getSelector().entrySet()))
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new AssertionError("no workload behind " + host));
    }

    private static int targetPort(Pod pod, Service service, String portName) {
        var port = service.getSpec().getPorts().stream().filter(p -> p.getName().equals(portName)).findFirst().orElseThrow();
        IntOrString target = port.getTargetPort();
        return target.getStrVal() != null ? pod.ports().get(target.getStrVal()) : target.getIntVal();
    }

    /** Kubernetes semantics: the source's egress and the destination's ingress must both allow the connection. */
    static boolean allows(List<NetworkPolicy> policies, String namespace, Pod from, Pod to, String portName, int port,
                          String protocol) {
        boolean egress = !from.namespace().equals(namespace)
                || allowedBy(policies, namespace, from, "Egress", to, portName, port, protocol);
        boolean ingress = !to.namespace().equals(namespace)
                || allowedBy(policies, namespace, to, "Ingress", from, portName, port, protocol);
        return egress && ingress;
    }

    private static boolean allowedBy(List<NetworkPolicy> policies, String namespace, Pod subject, String direction,
                                     Pod peer, String portName, int port, String protocol) {
        boolean isolated = false;
        for (NetworkPolicy policy : policies) {
            if (!Objects.matches(policy.getSpec().getPodSelector(), subject.labels())
                    || !policyTypes(policy).contains(direction)) {
                continue;
            }
            isolated = true;
            if (direction.equals("Ingress") && policy.getSpec().getIngress() != null) {
                for (var rule : policy.getSpec().getIngress()) {
                    if (peersMatch(rule.getFrom(), namespace, peer) && portsMatch(rule.getPorts(), portName, port, protocol)) {
                        return true;
                    }
                }
            }
            if (direction.equals("Egress") && policy.getSpec().getEgress() != null) {
                for (var rule : policy.getSpec().getEgress()) {
                    if (peersMatch(rule.getTo(), namespace, peer) && portsMatch(rule.getPorts(), portName, port, protocol)) {
                        return true;
                    }
                }
            }
        }
        return !isolated;
    }

    private static List<String> policyTypes(NetworkPolicy policy) {
        if (policy.getSpec().getPolicyTypes() != null && !policy.getSpec().getPolicyTypes().isEmpty()) {
            return policy.getSpec().getPolicyTypes();
        }
        return policy.getSpec().getEgress() == null ? List.of("Ingress") : List.of("Ingress", "Egress");
    }

    private static boolean peersMatch(List<NetworkPolicyPeer> peers, String namespace, Pod peer) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPeer p : peers) {
            assertThat(p.getIpBlock()).as("ipBlock peers are not used").isNull();
            LabelSelector namespaces = p.getNamespaceSelector();
            LabelSelector podSelector = p.getPodSelector();
            boolean namespaceOk = namespaces == null ? peer.namespace().equals(namespace)
                    : Objects.matches(namespaces, Map.of("kubernetes.io/metadata.name", peer.namespace()));
            boolean podOk = podSelector == null || Objects.matches(podSelector, peer.labels());
            if (namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean portsMatch(List<NetworkPolicyPort> ports, String portName, int port, String protocol) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPort p : ports) {
            String ruleProtocol = p.getProtocol() == null ? TCP : p.getProtocol();
            if (!ruleProtocol.equals(protocol)) {
                continue;
            }
            IntOrString rulePort = p.getPort();
            if (rulePort == null
                    || (rulePort.getIntVal() != null && rulePort.getIntVal() == port)
                    || (rulePort.getStrVal() != null && rulePort.getStrVal().equals(portName))) {
                return true;
            }
        }
        return false;
    }
}
