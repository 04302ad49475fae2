package io.quotegraph.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One Quarkus service of the system, run from its packaged application as a child process. */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final ProcessBuilder builder;
    private final Path log;
    private volatile Process process;
    private volatile Instant startedAt;

    private ServiceProcess(String name, int port, ProcessBuilder builder, Path log) {
        this.name = name;
        this.port = port;
        this.builder = builder;
        this.log = log;
    }

    /**
     * Starts {@code java -jar <moduleDir>/target/quarkus-app/quarkus-run.jar} with the given environment and the
     * module's JVM options ({@link StackSettings#jvmOptions(String)}).
     *
     * @param maxHeap e.g. "256m": each service must live in a small heap
     */
    public static ServiceProcess start(String name, Path moduleDir, int port, Map<String, String> environment,
                                       String maxHeap, Path logDirectory) {
        return start(name, moduleDir, port, environment, maxHeap,
                StackSettings.jvmOptions(moduleDir.getFileName().toString()), logDirectory);
    }

    /** As {@link #start(String, Path, int, Map, String, Path)}, with these JVM options instead of the module's. */
    public static ServiceProcess start(String name, Path moduleDir, int port, Map<String, String> environment,
                                       String maxHeap, List<String> jvmOptions, Path logDirectory) {
        Path jar = moduleDir.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the project first (mvn -DskipTests package)");
        }
        Path javaBinary = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(javaBinary.toString(), "-Xmx" + maxHeap));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        try {
            Files.createDirectories(logDirectory);
            Path log = logDirectory.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            Files.deleteIfExists(log);
            ServiceProcess service = new ServiceProcess(name, port, builder, log);
            service.launch();
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    private synchronized void launch() {
        try {
            process = builder.start();
            startedAt = Instant.now();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /**
     * Starts the service again after {@link #close()} or {@link #kill()}: same port, environment and data, its log
     * continued. Returns once it is ready, with the time the start took.
     */
    public Duration restart(Duration timeout) {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        launch();
        return awaitReady(timeout);
    }

    /** Ends the process at once (SIGKILL), as a crash would: no shutdown hook, no graceful stop. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until the service's readiness probe answers 200; returns how long the start took. */
    public Duration awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        URI readiness = URI.create(baseUrl() + "/q/health/ready");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return Duration.between(startedAt, Instant.now());
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            sleep(Duration.ofMillis(200));
        }
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s; see " + log);
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return log;
    }

    /** The operating-system process id (to read its memory figures, e.g. /proc/PID/status). */
    public long pid() {
        return process.pid();
    }

    /** Stops the service gracefully (SIGTERM), forcibly after 20 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
