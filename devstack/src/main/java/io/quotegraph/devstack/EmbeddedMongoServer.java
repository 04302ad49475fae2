package io.quotegraph.devstack;

import de.bwaldvogel.mongo.MongoServer;
import io.quotegraph.devstack.mongo.TypedIndexH2Backend;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A MongoDB wire-compatible server (de.bwaldvogel:mongo-java-server) for the embedded defaults and tests:
 * the services talk to it through the real MongoDB driver exactly as to a real MongoDB.
 * With a data file it persists through its H2 backend; without one it keeps everything in memory. Either way its
 * unique indexes compare keys by value and its documents are stored as BSON ({@link TypedIndexH2Backend}).
 * <p>
 * {@link #start} runs it inside the calling JVM (tests); {@link #startProcess} runs it as a child JVM of its own, as
 * the whole system does: its CPU and memory are then its own process's (benchmarks measure them apart from the
 * launcher's), and its garbage collections do not pause the launcher or an importer running in it.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(1);
    /** Heap of the child process: H2's page cache ({@code TypedIndexH2Backend.CACHE_MB}) plus the server's buffers. */
    private static final String PROCESS_HEAP = "1g";
    /** Its name among the stack's processes, for {@link StackSettings#jvmOptions(String)}. */
    public static final String PROCESS_NAME = "mongodb";

    private final MongoServer server;
    private final Process process;
    private final int port;

    private EmbeddedMongoServer(MongoServer server, Process process, int port) {
        this.server = server;
        this.process = process;
        this.port = port;
    }

    /**
     * Runs the server in this JVM.
     *
     * @param dataFile the H2 file to persist to; null for an in-memory server
     * @param port     0 for any free port
     */
    public static EmbeddedMongoServer start(Path dataFile, int port) {
        MongoServer server = new MongoServer(TypedIndexH2Backend.open(dataFile == null ? null : prepare(dataFile)));
        server.bind("127.0.0.1", port);
        InetSocketAddress address = server.getLocalAddress();
        return new EmbeddedMongoServer(server, null, address.getPort());
    }

    /**
     * Runs the server in a child JVM (this JVM's java and class path) and returns once it accepts connections. The
     * child stops, saving its store, when {@link #close()} is called or this JVM ends in any way (it watches its
     * standard input, which only this JVM holds); Ctrl-C at a terminal leaves it to this JVM to stop it after the
     * services that write to it.
     *
     * @param dataFile     the H2 file to persist to; null for an in-memory server
     * @param port         0 for any free port
     * @param logDirectory where its output goes ({@code mongodb.log})
     */
    public static EmbeddedMongoServer startProcess(Path dataFile, int port, Path logDirectory) {
        return startProcess(dataFile, port, logDirectory, StackSettings.jvmOptions(PROCESS_NAME));
    }

    /** As {@link #startProcess(Path, int, Path)}, with these JVM options after its default heap (a later -Xmx wins). */
    public static EmbeddedMongoServer startProcess(Path dataFile, int port, Path logDirectory, List<String> jvmOptions) {
        int chosenPort = port != 0 ? port : freePort();
        Path javaBinary = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(javaBinary.toString(), "-Xmx" + PROCESS_HEAP));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), EmbeddedMongoServer.class.getName(),
                dataFile == null ? "" : prepare(dataFile), Integer.toString(chosenPort)));
        Process process;
        try {
            Files.createDirectories(logDirectory);
            Path log = logDirectory.resolve("mongodb.log");
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                    .start();
            awaitAccepting(process, chosenPort, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded MongoDB server", e);
        }
        return new EmbeddedMongoServer(null, process, chosenPort);
    }

    private static void awaitAccepting(Process process, int port, Path log) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the embedded MongoDB server exited with code " + process.exitValue()
                        + "; see " + log);
            }
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                ServiceProcess.sleep(Duration.ofMillis(100)); // not listening yet
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the embedded MongoDB server did not accept connections within "
                + READY_TIMEOUT.toSeconds() + " s; see " + log);
    }

    private static String prepare(Path dataFile) {
        try {
            Files.createDirectories(dataFile.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + dataFile.getParent(), e);
        }
        return dataFile.toAbsolutePath().toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    public int port() {
        return port;
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + port();
    }

    /** The process the server runs in: a child's, or this JVM's for {@link #start}. */
    public long pid() {
        return process != null ? process.pid() : ProcessHandle.current().pid();
    }

    /** Stops the server; a child process saves its store and exits (forcibly after 30 s). */
    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            return;
        }
        try {
            process.getOutputStream().close(); // the child's signal to stop
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The child process of {@link #startProcess}: {@code EmbeddedMongoServer DATA_FILE PORT} (an empty DATA_FILE keeps
     * everything in memory). Serves until its standard input ends (the parent closed it or exited), then shuts down.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: EmbeddedMongoServer DATA_FILE PORT (an empty DATA_FILE: in memory)");
            System.exit(2);
        }
        ignoreTerminalInterrupt();
        EmbeddedMongoServer server = start(args[0].isEmpty() ? null : Path.of(args[0]), Integer.parseInt(args[1]));
        // SIGTERM (the parent's fallback) still saves the store through this hook
        Thread shutdown = new Thread(server::close, "embedded-mongodb-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        System.out.println("embedded MongoDB server listening on " + server.connectionString());
        try (InputStream parent = System.in) {
            while (parent.read() != -1) {
                // nothing is sent: the end of the stream is the signal
            }
        }
        System.out.println("embedded MongoDB server stopping");
        Runtime.getRuntime().removeShutdownHook(shutdown);
        server.close();
        System.exit(0);
    }

    /**
     * Ctrl-C at a terminal interrupts the whole process group; the services may still be writing then, so the parent
     * stops this server after them (or its exit closes the standard input this process watches).
     */
    @SuppressWarnings("sunapi")
    private static void ignoreTerminalInterrupt() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> { });
        } catch (IllegalArgumentException | LinkageError e) {
            // no SIGINT on this platform: nothing to ignore
        }
    }
}
