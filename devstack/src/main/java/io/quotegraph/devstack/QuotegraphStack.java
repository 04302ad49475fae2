package io.quotegraph.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole system on its embedded defaults: a real PostgreSQL, the MongoDB-compatible server, and the three
 * services as child processes wired to them and to each other (the MongoDB-compatible server in a child JVM of its
 * own too, so that a benchmark or importer running in the launcher's JVM is measured apart from it). Used by {@code ./quotegraph up} and the end-to-end tests.
 */
public final class QuotegraphStack implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final String SERVICE_HEAP = "384m";
    /** The name {@link #servicePids()} gives the embedded MongoDB server's process. */
    public static final String MONGODB_STAND_IN = "embedded MongoDB stand-in";

    private final StackSettings settings;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, Duration> startupTimes = new LinkedHashMap<>();
    private EmbeddedPostgresServer postgres;
    private EmbeddedMongoServer mongo;
    private ServiceProcess ingest;
    private ServiceProcess statements;
    private ServiceProcess gateway;

    private QuotegraphStack(StackSettings settings) {
        this.settings = settings;
    }

    public static QuotegraphStack start(StackSettings settings) {
        QuotegraphStack stack = new QuotegraphStack(settings);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        Path data = settings.dataDirectory().toAbsolutePath();
        if (settings.clean()) {
            deleteRecursively(data);
        }
        long databasesStart = System.nanoTime();
        postgres = track(EmbeddedPostgresServer.start(data.resolve("postgres"), 0));
        Path logs = data.resolve("logs");
        mongo = track(EmbeddedMongoServer.startProcess(data.resolve("mongo/quotegraph.mv"), 0, logs));
        startupTimes.put("databases", Duration.ofNanos(System.nanoTime() - databasesStart));

        Path root = settings.projectRoot().toAbsolutePath();
        String statementsUrl = "http://localhost:" + settings.statementsPort();
        String ingestUrl = "http://localhost:" + settings.ingestPort();
        statements = track(ServiceProcess.start("statements-service", root.resolve("statements-service"),
                settings.statementsPort(), Map.of(
                        "QUARKUS_MONGODB_CONNECTION_STRING", mongo.connectionString()),
                SERVICE_HEAP, logs));
        ingest = track(ServiceProcess.start("ingest-service", root.resolve("ingest-service"),
                settings.ingestPort(), Map.of(
                        "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(),
                        "QUARKUS_DATASOURCE_USERNAME", EmbeddedPostgresServer.USER,
                        "QUARKUS_DATASOURCE_PASSWORD", EmbeddedPostgresServer.PASSWORD,
                        "QUARKUS_REST_CLIENT_STATEMENTS_SERVICE_URL", statementsUrl),
                SERVICE_HEAP, logs));
        gateway = track(ServiceProcess.start("gateway", root.resolve("gateway"),
                settings.gatewayPort(), Map.of(
                        "QUARKUS_REST_CLIENT_INGEST_SERVICE_URL", ingestUrl,
                        "QUARKUS_REST_CLIENT_STATEMENTS_SERVICE_URL", statementsUrl),
                SERVICE_HEAP, logs));
        for (ServiceProcess service : List.of(statements, ingest, gateway)) {
            startupTimes.put(service.name(), service.awaitReady(READY_TIMEOUT));
        }
    }

    private <T extends AutoCloseable> T track(T resource) {
        started.add(resource);
        return resource;
    }

    public String gatewayUrl() {
        return gateway.baseUrl();
    }

    public String ingestUrl() {
        return ingest.baseUrl();
    }

    public String statementsUrl() {
        return statements.baseUrl();
    }

    /** ingest-service's process, to stop, kill or restart it (fault tests). */
    public ServiceProcess ingestService() {
        return ingest;
    }

    /** statements-service's process, to stop, kill or restart it (fault tests). */
    public ServiceProcess statementsService() {
        return statements;
    }

    /** Starts a service of this stack again after it was stopped or killed; returns once it is ready. */
    public Duration restart(ServiceProcess service) {
        return service.restart(READY_TIMEOUT);
    }

    /**
     * The process id of each service and of the MongoDB stand-in, by name (for benchmarks that read their CPU and
     * memory figures). PostgreSQL's processes are not among them: its postmaster daemonises.
     */
    public Map<String, Long> servicePids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (ServiceProcess service : List.of(ingest, statements, gateway)) {
            pids.put(service.name(), service.pid());
        }
        pids.put(MONGODB_STAND_IN, mongo.pid());
        return pids;
    }

    public Path logDirectory() {
        return settings.dataDirectory().toAbsolutePath().resolve("logs");
    }

    /** Time from launch to ready, per service (and for the two databases together). */
    public Map<String, Duration> startupTimes() {
        return Collections.unmodifiableMap(startupTimes);
    }

    /** Stops the services first, then the databases they write to. */
    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e.getMessage());
            }
        }
        started.clear();
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clean " + directory, e);
        }
    }
}
