package io.quotegraph.gateway.fake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/** ingest-service faked as in {@link FakeBackends}; statements-service refuses connections (nothing listens on its port). */
public class StatementsServiceDown extends FakeBackends {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        try (ServerSocket socket = new ServerSocket(0)) {
            config.put("quarkus.rest-client.statements-service.url", "http://127.0.0.1:" + socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return config;
    }
}
