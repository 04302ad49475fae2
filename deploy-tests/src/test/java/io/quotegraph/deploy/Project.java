package io.quotegraph.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

/** The repository the manifests belong to: its services' configuration, its deploy/ tree and its version. */
final class Project {

    static final Path ROOT = Path.of(System.getProperty("quotegraph.root", "..")).toAbsolutePath().normalize();
    static final Path DEPLOY = ROOT.resolve("deploy");
    static final String VERSION = System.getProperty("quotegraph.version", "0.1.0-SNAPSHOT");

    /** The buildable kustomizations an operator applies (components are built through the overlays). */
    static final List<String> OVERLAYS = List.of("overlays/dev", "overlays/prod");
    static final List<String> SERVICES = List.of("gateway", "ingest-service", "statements-service");

    private Project() {
    }

    /** A Quarkus service as its module configures it. */
    record Service(String module, Properties properties) {

        /** The value for the prod profile: {@code %prod.key} if set, else {@code key}. */
        String property(String key) {
            String value = properties.getProperty("%prod." + key, properties.getProperty(key));
            if (value == null) {
                throw new AssertionError(module + "/src/main/resources/application.properties has no " + key);
            }
            return value;
        }

        int httpPort() {
            return Integer.parseInt(property("quarkus.http.port"));
        }

        /** Whether this environment variable name is how Quarkus reads one of the service's configured keys. */
        boolean readsEnvironmentVariable(String name) {
            return properties.stringPropertyNames().stream()
                    .map(key -> key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key)
                    .anyMatch(key -> environmentName(key).equals(name));
        }

        Path pom() {
            return ROOT.resolve(module).resolve("pom.xml");
        }
    }

    static Service service(String module) {
        Path file = ROOT.resolve(module).resolve("src/main/resources/application.properties");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Service(module, properties);
    }

    /** MicroProfile Config's environment variable name for a key: non-alphanumerics become _, upper case. */
    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every directory under deploy/ with a kustomization file. */
    static List<Path> kustomizations() {
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            return files.filter(p -> p.getFileName().toString().equals("kustomization.yaml"))
                    .map(Path::getParent).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
