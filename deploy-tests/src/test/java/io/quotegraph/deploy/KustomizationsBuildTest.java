package io.quotegraph.deploy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kustomization builds, and every object it produces is a well-formed object of its Kubernetes kind. */
class KustomizationsBuildTest {

    @Test
    void theOverlaysAndTheBaseAreAllThere() {
        List<String> found = Project.kustomizations().stream()
                .map(p -> Project.DEPLOY.relativize(p).toString()).toList();
        assertThat(found).contains("base", "overlays/dev", "overlays/prod", "components/monitoring");
    }

    @TestFactory
    Stream<DynamicTest> everyKustomizationBuildsIntoTypedObjects() {
        return Project.kustomizations().stream()
                .filter(dir -> !isComponent(dir))
                .map(dir -> DynamicTest.dynamicTest(Project.DEPLOY.relativize(dir).toString(), () -> {
                    Kustomize.Built built = Kustomize.build(dir);
                    assertThat(built.objects()).isNotEmpty();
                    for (int i = 0; i < built.objects().size(); i++) {
                        HasMetadata object = built.objects().get(i);
                        String where = dir + ": " + object.getKind() + "/" + object.getMetadata().getName();
                        // a kind the model does not know (or a misspelt apiVersion) would come back generic
                        assertThat(object).as(where).isNotInstanceOf(GenericKubernetesResource.class);
                        assertThat(object.getApiVersion()).as(where).isEqualTo(HasMetadata.getApiVersion(object.getClass()));
                        assertThat(object.getKind()).as(where).isEqualTo(HasMetadata.getKind(object.getClass()));
                        assertThat(object.getMetadata().getName()).as(where).isNotBlank();
                        // a misspelt or misplaced field lands in additionalProperties instead of failing the parse
                        assertThat(unknownFields(object)).as(where + " has fields its kind does not define").isEmpty();
                    }
                }));
    }

    @Test
    void anUnknownFieldIsCaught() {
        Object parsed = Kustomize.SERIALIZATION.unmarshal("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: s
                spec:
                  selector: {app: s}
                  ports:
                    - port: 80
                      targetPrt: http
                """);
        assertThat(unknownFields(parsed)).containsExactly("Service/s: ServicePort.targetPrt");
    }

    @Test
    void namesAreUniquePerKindInEachOverlay() {
        for (String overlay : Project.OVERLAYS) {
            List<String> keys = Objects.of(overlay).all().stream()
                    .map(o -> o.getKind() + "/" + o.getMetadata().getName()).toList();
            assertThat(keys).as(overlay).doesNotHaveDuplicates();
        }
    }

    private static boolean isComponent(Path dir) {
        return Project.read(dir.resolve("kustomization.yaml")).contains("kind: Component");
    }

    /** The paths of every field the fabric8 model kept in an additionalProperties map. */
    static List<String> unknownFields(Object root) {
        List<String> found = new ArrayList<>();
        String name = root instanceof HasMetadata h ? h.getKind() + "/" + h.getMetadata().getName() : "object";
        walk(root, name, found, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        return found;
    }

    private static void walk(Object value, String path, List<String> found, Set<Object> seen) {
        if (value == null || !seen.add(value)) {
            return;
        }
        if (value instanceof Collection<?> collection) {
            collection.forEach(v -> walk(v, path, found, seen));
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> walk(v, path, found, seen));
            return;
        }
        if (!(value instanceof KubernetesResource) && !value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method method : value.getClass().getMethods()) {
            if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())
                    || !method.getName().startsWith("get") || method.getDeclaringClass() == Object.class) {
                continue;
            }
            Object child;
            try {
                child = method.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (method.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(k -> found.add(path + ": " + value.getClass().getSimpleName() + "." + k));
                }
            } else {
                walk(child, path, found, seen);
            }
        }
    }
}
