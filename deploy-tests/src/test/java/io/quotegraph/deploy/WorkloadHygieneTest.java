package io.quotegraph.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Resources, security, secrets, labels and selectors of every workload of every overlay. */
class WorkloadHygieneTest {

    /** The Secrets the manifests refer to and the keys they read: created in the cluster, never in the repo. */
    static final Map<String, Set<String>> SECRETS = Map.of(
            "quotegraph-postgres", Set.of("username", "password"),
            "quotegraph-mongodb", Set.of("root-username", "root-password", "app-username", "app-password", "keyfile"),
            "quotegraph-tls", Set.of(),
            "quotegraph-auth", Set.of("verify-keys", "service-private-key.pem"));

    static Stream<String> overlays() {
        return Stream.concat(Stream.of("base"), Project.OVERLAYS.stream());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyContainerHasRequestsAndLimits(String overlay) {
        Objects.of(overlay).podTemplates().forEach((workload, template) -> {
            for (Container c : Objects.allContainers(template)) {
                String where = overlay + ": " + workload + "/" + c.getName();
                assertThat(c.getResources()).as(where).isNotNull();
                assertThat(c.getResources().getRequests()).as(where + " requests").containsKeys("cpu", "memory");
                assertThat(c.getResources().getLimits()).as(where + " limits").containsKeys("cpu", "memory");
                assertThat(c.getImage()).as(where + " image is pinned").contains(":").doesNotEndWith(":latest");
            }
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyPodRunsAsNonRootWithAReadOnlyRootFilesystem(String overlay) {
        Objects.of(overlay).podTemplates().forEach((workload, template) -> {
            PodSpec spec = template.getSpec();
            PodSecurityContext pod = spec.getSecurityContext();
            assertThat(pod).as(overlay + ": " + workload).isNotNull();
            assertThat(pod.getRunAsNonRoot()).as(workload + " runAsNonRoot").isTrue();
            assertThat(pod.getRunAsUser()).as(workload + " runAsUser").isNotNull().isPositive();
            assertThat(pod.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(spec.getAutomountServiceAccountToken()).as(workload + " mounts no API token").isFalse();
            Set<String> volumes = spec.getVolumes() == null ? Set.of()
                    : spec.getVolumes().stream().map(Volume::getName).collect(Collectors.toSet());
            for (Container c : Objects.allContainers(template)) {
                String where = overlay + ": " + workload + "/" + c.getName();
                SecurityContext sc = c.getSecurityContext();
                assertThat(sc).as(where).isNotNull();
                assertThat(sc.getReadOnlyRootFilesystem()).as(where + " readOnlyRootFilesystem").isTrue();
                assertThat(sc.getAllowPrivilegeEscalation()).as(where + " allowPrivilegeEscalation").isFalse();
                assertThat(sc.getCapabilities().getDrop()).as(where + " drops capabilities").containsExactly("ALL");
                assertThat(sc.getPrivileged()).as(where).isNotEqualTo(Boolean.TRUE);
                Set<String> claimTemplates = claimTemplates(Objects.of(overlay), workload);
                if (c.getVolumeMounts() != null) {
                    for (VolumeMount mount : c.getVolumeMounts()) {
                        assertThat(volumes.contains(mount.getName()) || claimTemplates.contains(mount.getName()))
                                .as(where + " mounts " + mount.getName() + ", which is defined").isTrue();
                    }
                }
            }
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void secretsAreOnlyReferencedNeverShipped(String overlay) {
        Objects objects = Objects.of(overlay);
        assertThat(objects.ofKind(Secret.class)).as(overlay + " contains no Secret").isEmpty();
        Map<String, Set<String>> used = new TreeMap<>();
        objects.podTemplates().forEach((workload, template) -> {
            for (Container c : Objects.allContainers(template)) {
                if (c.getEnv() != null) {
                    for (EnvVar var : c.getEnv()) {
                        if (var.getValueFrom() != null && var.getValueFrom().getSecretKeyRef() != null) {
                            used.computeIfAbsent(var.getValueFrom().getSecretKeyRef().getName(), k -> new TreeSet<>())
                                    .add(var.getValueFrom().getSecretKeyRef().getKey());
                        }
                        if (var.getName().matches("(?i).*(PASSWORD|SECRET|TOKEN|KEYFILE).*")) {
                            assertThat(var.getValueFrom()).as(overlay + ": " + workload + " " + var.getName()
                                    + " comes from a Secret, not a literal").isNotNull();
                            assertThat(var.getValueFrom().getSecretKeyRef()).isNotNull();
                        }
                    }
                }
            }
            if (template.getSpec().getVolumes() != null) {
                for (Volume v : template.getSpec().getVolumes()) {
                    if (v.getSecret() != null) {
                        Set<String> keys = used.computeIfAbsent(v.getSecret().getSecretName(), k -> new TreeSet<>());
                        v.getSecret().getItems().forEach(i -> keys.add(i.getKey()));
                    }
                }
            }
        });
        objects.ofKind(Ingress.class).forEach(i -> {
            if (i.getSpec().getTls() != null) {
                i.getSpec().getTls().forEach(t -> used.computeIfAbsent(t.getSecretName(), k -> new TreeSet<>()));
            }
        });
        String readme = Project.read(Project.DEPLOY.resolve("README.md"));
        used.forEach((secret, keys) -> {
            assertThat(SECRETS).as(overlay + " refers to the Secret " + secret).containsKey(secret);
            assertThat(SECRETS.get(secret)).as("keys of " + secret).containsAll(keys);
            assertThat(readme).as("deploy/README.md tells how to create " + secret).contains(secret);
            keys.forEach(key -> assertThat(readme).as("deploy/README.md names the key " + key + " of " + secret)
                    .contains(key));
        });
    }

    /**
     * A key location the configuration names ({@code QUOTEGRAPH_AUTH_*_LOCATION=file:/...}) is a file a mounted volume
     * provides: else the service starts and fails on its first signed call (the gateway: on its statement stream).
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void everyConfiguredFileIsMounted(String overlay) {
        Objects objects = Objects.of(overlay);
        objects.podTemplates().forEach((workload, template) -> {
            Map<String, Volume> volumes = template.getSpec().getVolumes() == null ? Map.of()
                    : template.getSpec().getVolumes().stream().collect(Collectors.toMap(Volume::getName, v -> v));
            for (Container c : Objects.allContainers(template)) {
                objects.environment(c).forEach((name, value) -> {
                    if (value == null || !value.startsWith("file:")) {
                        return;
                    }
                    String file = value.substring("file:".length());
                    String where = overlay + ": " + workload + "/" + c.getName() + " " + name + "=" + value;
                    VolumeMount mount = c.getVolumeMounts() == null ? null : c.getVolumeMounts().stream()
                            .filter(m -> file.startsWith(m.getMountPath().replaceAll("/*$", "/"))).findFirst().orElse(null);
                    assertThat(mount).as(where + " is under a volume mount").isNotNull();
                    Volume volume = volumes.get(mount.getName());
                    assertThat(volume).as(where + ": volume " + mount.getName()).isNotNull();
                    String relative = file.substring(mount.getMountPath().replaceAll("/*$", "/").length());
                    if (volume.getSecret() != null && volume.getSecret().getItems() != null) {
                        assertThat(volume.getSecret().getItems()).as(where + " is an item of the Secret "
                                + volume.getSecret().getSecretName()).anyMatch(i -> i.getPath().equals(relative));
                    }
                });
            }
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void selectorsLineUpWithTheirPods(String overlay) {
        Objects objects = Objects.of(overlay);
        Map<String, PodTemplateSpec> templates = objects.podTemplates();
        for (Deployment d : objects.ofKind(Deployment.class)) {
            assertThat(Objects.matches(d.getSpec().getSelector(), d.getSpec().getTemplate().getMetadata().getLabels()))
                    .as(overlay + ": Deployment " + d.getMetadata().getName() + " selects its own pods").isTrue();
        }
        for (StatefulSet s : objects.ofKind(StatefulSet.class)) {
            assertThat(Objects.matches(s.getSpec().getSelector(), s.getSpec().getTemplate().getMetadata().getLabels()))
                    .as(overlay + ": StatefulSet " + s.getMetadata().getName()).isTrue();
            Service headless = objects.get(Service.class, s.getSpec().getServiceName());
            assertThat(headless.getSpec().getClusterIP()).as("the governing Service of " + s.getMetadata().getName()
                    + " is headless").isEqualTo("None");
        }
        for (Service service : objects.ofKind(Service.class)) {
            List<String> selected = templates.entrySet().stream()
                    .filter(e -> service.getSpec().getSelector().entrySet()
                            .stream().allMatch(l -> l.getValue().equals(e.getValue().getMetadata().getLabels().get(l.getKey()))))
                    .map(Map.Entry::getKey).toList();
            assertThat(selected).as(overlay + ": Service " + service.getMetadata().getName() + " selects one workload")
                    .containsExactly(service.getMetadata().getName());
            PodTemplateSpec pods = templates.get(service.getMetadata().getName());
            Set<String> portNames = new HashSet<>();
            pods.getSpec().getContainers().forEach(c -> c.getPorts().forEach(p -> portNames.add(p.getName())));
            service.getSpec().getPorts().forEach(p -> assertThat(portNames)
                    .as("target port of Service " + service.getMetadata().getName()).contains(p.getTargetPort().getStrVal()));
        }
        for (PodDisruptionBudget pdb : objects.ofKind(PodDisruptionBudget.class)) {
            List<String> selected = templates.entrySet().stream()
                    .filter(e -> Objects.matches(pdb.getSpec().getSelector(), e.getValue().getMetadata().getLabels()))
                    .map(Map.Entry::getKey).toList();
            assertThat(selected).as(overlay + ": PodDisruptionBudget " + pdb.getMetadata().getName())
                    .containsExactly(pdb.getMetadata().getName());
        }
        assertThat(objects.ofKind(PodDisruptionBudget.class).stream().map(p -> p.getMetadata().getName()))
                .as("workloads with a disruption budget")
                .containsExactlyInAnyOrder("gateway", "ingest-service", "statements-service", "mongodb");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theGatewayAndIngestServiceAutoscale(String overlay) {
        Objects objects = Objects.of(overlay);
        List<HorizontalPodAutoscaler> hpas = objects.ofKind(HorizontalPodAutoscaler.class);
        assertThat(hpas.stream().map(h -> h.getSpec().getScaleTargetRef().getName()))
                .containsExactlyInAnyOrder("gateway", "ingest-service");
        for (HorizontalPodAutoscaler hpa : hpas) {
            String target = hpa.getSpec().getScaleTargetRef().getName();
            assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            Deployment deployment = objects.get(Deployment.class, target);
            assertThat(hpa.getSpec().getMinReplicas()).isPositive().isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());
            // with spec.replicas in the manifest, every apply (an upgrade) would reset the count the HPA chose
            assertThat(deployment.getSpec().getReplicas()).as(overlay + ": " + target + " leaves replicas to its HPA")
                    .isNull();
            // CPU utilisation is relative to the request: there must be one
            assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getRequests())
                    .containsKey("cpu");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void onlyTheGatewayIsPublishedAndOnlyItsApi(String overlay) {
        Objects objects = Objects.of(overlay);
        List<Ingress> ingresses = objects.ofKind(Ingress.class);
        assertThat(ingresses).hasSize(1);
        Set<String> paths = new TreeSet<>();
        for (var rule : ingresses.get(0).getSpec().getRules()) {
            for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                IngressBackend backend = path.getBackend();
                assertThat(backend.getService().getName()).isEqualTo("gateway");
                Service gateway = objects.get(Service.class, "gateway");
                assertThat(gateway.getSpec().getPorts()).anyMatch(p -> p.getName().equals(backend.getService().getPort().getName()));
                paths.add(path.getPath());
            }
        }
        assertThat(paths).containsExactly("/graphql", "/graphql-ui");
        for (Service service : objects.ofKind(Service.class)) {
            assertThat(service.getSpec().getType()).as("Service " + service.getMetadata().getName() + " type")
                    .isIn(null, "ClusterIP");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyConfigMapReferenceResolves(String overlay) {
        Objects objects = Objects.of(overlay);
        objects.podTemplates().forEach((workload, template) -> {
            for (Container c : Objects.allContainers(template)) {
                objects.environment(c); // throws if a referenced ConfigMap is missing
            }
        });
        for (HasMetadata o : objects.all()) {
            if (!"base".equals(overlay)) {
                assertThat(o.getMetadata().getLabels()).as(o.getKind() + "/" + o.getMetadata().getName())
                        .containsEntry("app.kubernetes.io/part-of", "quotegraph");
            }
        }
    }

    private static Set<String> claimTemplates(Objects objects, String workload) {
        return objects.find(StatefulSet.class, workload)
                .map(s -> s.getSpec().getVolumeClaimTemplates().stream().map(c -> c.getMetadata().getName())
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
    }
}
