package io.quotegraph.devstack;

import de.bwaldvogel.mongo.MongoServer;
import io.quotegraph.devstack.mongo.TypedIndexH2Backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB wire-compatible server (de.bwaldvogel:mongo-java-server) for the embedded defaults and tests:
 * the services talk to it through the real MongoDB driver exactly as to a real MongoDB.
 * With a data file it persists through its H2 backend; without one it keeps everything in memory. Either way its
 * unique indexes compare keys by value and its documents are stored as BSON ({@link TypedIndexH2Backend}).
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongoServer(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    /**
     * @param dataFile the H2 file to persist to; null for an in-memory server
     * @param port     0 for any free port
     */
    public static EmbeddedMongoServer start(Path dataFile, int port) {
        MongoServer server;
        if (dataFile == null) {
            server = new MongoServer(TypedIndexH2Backend.open(null));
        } else {
            try {
                Files.createDirectories(dataFile.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("could not create " + dataFile.getParent(), e);
            }
            server = new MongoServer(TypedIndexH2Backend.open(dataFile.toString()));
        }
        server.bind("127.0.0.1", port);
        InetSocketAddress address = server.getLocalAddress();
        return new EmbeddedMongoServer(server, address);
    }

    public int port() {
        return address.getPort();
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
