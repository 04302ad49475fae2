package io.quotegraph.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;

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
