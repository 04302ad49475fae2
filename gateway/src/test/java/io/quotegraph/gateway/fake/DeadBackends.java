package io.quotegraph.gateway.fake;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Backends that fail: ingest-service refuses connections (nothing listens on its port);
 * statements-service accepts requests but never answers within the gateway's read timeout.
 */
public class DeadBackends implements QuarkusTestResourceLifecycleManager {

    private HttpServer silent;

    @Override
    public Map<String, String> start() {
        try {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            silent = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            silent.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "silent-backend");
                t.setDaemon(true);
                return t;
            }));
            silent.createContext("/", exchange -> {
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
            });
            silent.start();
            return Map.of(
                    "quarkus.rest-client.ingest-service.url", "http://127.0.0.1:" + closedPort,
                    "quarkus.rest-client.statements-service.url", "http://127.0.0.1:" + silent.getAddress().getPort(),
                    "quarkus.rest-client.statements-service.read-timeout", "500");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (silent != null) {
            silent.stop(0);
        }
    }
}
