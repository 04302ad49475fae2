package io.quotegraph.ingest.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for statements-service on a free port: records every {@code PUT /articles/{id}/extraction} and answers
 * 200 with a DeliveryResult, or 503 while told to. Tests control it over HTTP (the test resource and the test run in
 * different class loaders): {@code POST /_control/status} with "200" or "503", {@code GET /_control/puts} for the
 * recorded PUTs as a JSON array of {articleId, answered, authorization, body}.
 */
public final class FakeStatementsService implements AutoCloseable {

    private static final Pattern PUT_PATH = Pattern.compile("/articles/([^/]+)/extraction");

    private final HttpServer server;
    private final List<String> recorded = new ArrayList<>();
    private volatile int status = 200;

    private FakeStatementsService(HttpServer server) {
        this.server = server;
    }

    public static FakeStatementsService start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            FakeStatementsService fake = new FakeStatementsService(server);
            server.createContext("/", fake::handle);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
            return fake;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the fake statements-service", e);
        }
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher put = PUT_PATH.matcher(path);
            if (method.equals("PUT") && put.matches()) {
                int answer = status;
                synchronized (recorded) {
                    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                    recorded.add("{\"articleId\":\"" + put.group(1) + "\",\"answered\":" + answer
                            + ",\"authorization\":" + (authorization == null ? "null" : "\"" + authorization + "\"")
                            + ",\"body\":" + body + "}");
                }
                if (answer == 200) {
                    int statements = body.split("\"kind\"", -1).length - 1;
                    send(exchange, 200, "application/json",
                            "{\"articleId\":\"" + put.group(1) + "\",\"statements\":" + statements + ",\"changed\":true}");
                } else {
                    send(exchange, answer, "application/problem+json",
                            "{\"type\":\"urn:quotegraph:problem:unavailable\",\"title\":\"Service unavailable\",\"status\":"
                                    + answer + ",\"detail\":\"fake statements-service told to fail\"}");
                }
            } else if (method.equals("POST") && path.equals("/_control/status")) {
                status = Integer.parseInt(body.strip());
                send(exchange, 204, null, null);
            } else if (method.equals("GET") && path.equals("/_control/puts")) {
                synchronized (recorded) {
                    send(exchange, 200, "application/json", "[" + String.join(",", recorded) + "]");
                }
            } else {
                send(exchange, 404, "text/plain", "no route " + method + " " + path);
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
