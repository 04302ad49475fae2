package io.quotegraph.gateway.observability;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for both backends: answers 503 to every call and remembers the {@code traceparent} header of each, which
 * {@code GET /__traceparents} returns one per line (the test reads it over HTTP, whatever class loader it runs in).
 */
public class HeaderCapturingBackend implements QuarkusTestResourceLifecycleManager {

    private HttpServer server;
    private final List<String> traceparents = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/__traceparents", exchange -> {
            byte[] body = String.join("\n", traceparents).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/", exchange -> {
            String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
            traceparents.add(exchange.getRequestURI().getPath() + " " + (traceparent == null ? "-" : traceparent));
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("quarkus.rest-client.ingest-service.url", url,
                "quarkus.rest-client.statements-service.url", url,
                "test.backend.url", url);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
