package io.quotegraph.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Builds a kustomization with {@code kubectl kustomize} (offline: it only reads files) and parses the result with the
 * fabric8 Kubernetes model. kubectl is found on the PATH, or at the path in the environment variable KUBECTL.
 */
final class Kustomize {

    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
    private static final Map<Path, Built> CACHE = new ConcurrentHashMap<>();
    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    /** One built kustomization: its YAML documents and the objects parsed from them, in the same order. */
    record Built(Path directory, List<String> documents, List<HasMetadata> objects) {
    }

    private Kustomize() {
    }

    static Built build(Path directory) {
        return CACHE.computeIfAbsent(directory.toAbsolutePath().normalize(), Kustomize::run);
    }

    private static Built run(Path directory) {
        String yaml = kubectl("kustomize", directory.toString());
        List<String> documents = new ArrayList<>();
        for (String document : DOCUMENT_SEPARATOR.split(yaml)) {
            if (!document.isBlank()) {
                documents.add(document);
            }
        }
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : documents) {
            Object parsed = SERIALIZATION.unmarshal(document);
            if (!(parsed instanceof HasMetadata object)) {
                throw new AssertionError("not a Kubernetes object in the build of " + directory + ":\n" + document);
            }
            objects.add(object);
        }
        return new Built(directory, List.copyOf(documents), List.copyOf(objects));
    }

    static String kubectl(String... args) {
        String binary = kubectlBinary();
        List<String> command = new ArrayList<>();
        command.add(binary);
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            process.getOutputStream().close();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errReader = new Thread(() -> copy(process.getErrorStream(), err));
            errReader.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in 2 minutes");
            }
            errReader.join();
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n"
                        + err.toString(StandardCharsets.UTF_8));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String kubectlBinary() {
        String configured = System.getenv("KUBECTL");
        if (configured != null && !configured.isBlank()) {
            if (!Files.isExecutable(Path.of(configured))) {
                throw new AssertionError("KUBECTL=" + configured + " is not an executable file");
            }
            return configured;
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError("kubectl was not found on the PATH (" + path + "). These tests build the "
                + "kustomizations in deploy/ with `kubectl kustomize` (kubectl 1.27 or later, no cluster needed): install "
                + "kubectl, or set KUBECTL to its path.");
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException ignored) {
            // the exit code tells
        }
    }
}
