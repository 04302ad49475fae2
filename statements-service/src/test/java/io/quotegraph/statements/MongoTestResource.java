package io.quotegraph.statements;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quotegraph.devstack.EmbeddedMongoServer;

import java.util.Map;

/** An in-memory MongoDB wire-compatible server for the tests, reached through the real driver. */
public class MongoTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedMongoServer server;

    @Override
    public Map<String, String> start() {
        server = EmbeddedMongoServer.start(null, 0);
        return Map.of("quarkus.mongodb.connection-string", server.connectionString());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
