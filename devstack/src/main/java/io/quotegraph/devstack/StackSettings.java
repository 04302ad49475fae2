package io.quotegraph.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How to run the whole system on its embedded defaults.
 *
 * @param projectRoot   the checkout, whose modules hold the packaged services
 * @param dataDirectory where PostgreSQL, the MongoDB-compatible store and the logs live between runs
 * @param clean         start from empty databases
 */
public record StackSettings(Path projectRoot, Path dataDirectory, boolean clean,
                            int gatewayPort, int ingestPort, int statementsPort) {

    public static final int DEFAULT_GATEWAY_PORT = 8080;
    public static final int DEFAULT_INGEST_PORT = 8081;
    public static final int DEFAULT_STATEMENTS_PORT = 8082;

    /** The prefix of the environment variables that set a service's JVM options, by module: {@value}GATEWAY etc. */
    public static final String JVM_OPTIONS_VARIABLE_PREFIX = "QUOTEGRAPH_JVM_OPTIONS_";

    /**
     * The JVM options a process runs with unless its environment variable says otherwise, by module. The stand-in
     * uses the parallel collector: with G1 in its 1-GB heap, garbage collection grew to ~60 % of its CPU as the store
     * grew (pages decoded into the page cache and evicted again are promoted before they die, and G1 shrank its young
     * generation ever further); the parallel collector's young generation stays a third of the heap
     * (docs/ingestion-throughput.md, "The stand-in's garbage collector").
     */
    private static final Map<String, List<String>> DEFAULT_JVM_OPTIONS =
            Map.of(EmbeddedMongoServer.PROCESS_NAME, List.of("-XX:+UseParallelGC"));

    /**
     * The JVM options (besides the maximum heap) of the service packaged in {@code module} ("gateway",
     * "ingest-service", "statements-service") or of the embedded MongoDB stand-in's process ("mongodb",
     * {@link EmbeddedMongoServer#PROCESS_NAME}): the environment variable {@code QUOTEGRAPH_JVM_OPTIONS_} + the module
     * in capitals with '_' for '-' (e.g. {@code QUOTEGRAPH_JVM_OPTIONS_GATEWAY="-XX:+UseSerialGC"}), split at
     * whitespace, when it is set (empty: the JVM's own defaults); otherwise the project's default for that module.
     */
    public static List<String> jvmOptions(String module) {
        return jvmOptions(module, System.getenv());
    }

    static List<String> jvmOptions(String module, Map<String, String> environment) {
        String set = environment.get(jvmOptionsVariable(module));
        if (set == null) {
            return DEFAULT_JVM_OPTIONS.getOrDefault(module, List.of());
        }
        return set.isBlank() ? List.of() : Arrays.asList(set.trim().split("\\s+"));
    }

    /** The environment variable that sets the JVM options of the service packaged in {@code module}. */
    public static String jvmOptionsVariable(String module) {
        return JVM_OPTIONS_VARIABLE_PREFIX + module.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    public static StackSettings defaults(Path projectRoot) {
        return new StackSettings(projectRoot, projectRoot.resolve(".quotegraph/data"), false,
                DEFAULT_GATEWAY_PORT, DEFAULT_INGEST_PORT, DEFAULT_STATEMENTS_PORT);
    }

    /** A clean system on ports nobody else uses, for tests that run beside a developer's own {@code up}. */
    public static StackSettings isolated(Path projectRoot, Path dataDirectory) {
        return new StackSettings(projectRoot, dataDirectory, true, freePort(), freePort(), freePort());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
