package io.quotegraph.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Lookups over the objects of one build. */
record Objects(String source, List<HasMetadata> all) {

    static Objects of(String kustomization) {
        return new Objects(kustomization, Kustomize.build(Project.DEPLOY.resolve(kustomization)).objects());
    }

    <T extends HasMetadata> List<T> ofKind(Class<T> type) {
        return all.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return ofKind(type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError(
                "the build of " + source + " has no " + type.getSimpleName() + " named " + name));
    }

    String namespace() {
        return all.stream().map(o -> o.getMetadata().getNamespace()).filter(java.util.Objects::nonNull)
                .findFirst().orElse("default");
    }

    /** Deployments, StatefulSets and Jobs by name, with their pod templates. */
    Map<String, PodTemplateSpec> podTemplates() {
        Map<String, PodTemplateSpec> templates = new LinkedHashMap<>();
        ofKind(Deployment.class).forEach(d -> templates.put(d.getMetadata().getName(), d.getSpec().getTemplate()));
        ofKind(StatefulSet.class).forEach(s -> templates.put(s.getMetadata().getName(), s.getSpec().getTemplate()));
        ofKind(Job.class).forEach(j -> templates.put(j.getMetadata().getName(), j.getSpec().getTemplate()));
        return templates;
    }

    static List<Container> allContainers(PodTemplateSpec template) {
        List<Container> containers = new ArrayList<>(template.getSpec().getContainers());
        if (template.getSpec().getInitContainers() != null) {
            containers.addAll(template.getSpec().getInitContainers());
        }
        return containers;
    }

    /**
     * The environment of a container as its process sees it: the ConfigMaps of envFrom, then env (values, or a
     * "secret:NAME/KEY" marker for secret references).
     */
    Map<String, String> environment(Container container) {
        Map<String, String> environment = new LinkedHashMap<>();
        if (container.getEnvFrom() != null) {
            for (EnvFromSource from : container.getEnvFrom()) {
                if (from.getConfigMapRef() != null) {
                    ConfigMap map = get(ConfigMap.class, from.getConfigMapRef().getName());
                    environment.putAll(map.getData());
                } else {
                    throw new AssertionError(container.getName() + ": envFrom is only used with ConfigMaps here");
                }
            }
        }
        if (container.getEnv() != null) {
            for (EnvVar var : container.getEnv()) {
                if (var.getValueFrom() != null && var.getValueFrom().getSecretKeyRef() != null) {
                    environment.put(var.getName(), "secret:" + var.getValueFrom().getSecretKeyRef().getName() + "/"
                            + var.getValueFrom().getSecretKeyRef().getKey());
                } else {
                    environment.put(var.getName(), var.getValue());
                }
            }
        }
        return environment;
    }

    /** Services whose selector selects these pod labels. */
    List<Service> servicesSelecting(Map<String, String> podLabels) {
        return ofKind(Service.class).stream()
                .filter(s -> s.getSpec().getSelector() != null && !s.getSpec().getSelector().isEmpty())
                .filter(s -> podLabels.entrySet().containsAll(s.getSpec().getSelector().entrySet()))
                .toList();
    }

    /** Kubernetes label-selector semantics (matchLabels and matchExpressions); an empty selector selects everything. */
    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        if (selector.getMatchLabels() != null && !labels.entrySet().containsAll(selector.getMatchLabels().entrySet())) {
            return false;
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
                String value = labels.get(r.getKey());
                boolean ok = switch (r.getOperator()) {
                    case "In" -> value != null && r.getValues().contains(value);
                    case "NotIn" -> value == null || !r.getValues().contains(value);
                    case "Exists" -> value != null;
                    case "DoesNotExist" -> value == null;
                    default -> throw new AssertionError("unknown selector operator " + r.getOperator());
                };
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }
}
