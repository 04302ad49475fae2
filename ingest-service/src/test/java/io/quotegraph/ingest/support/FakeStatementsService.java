package io.quotegraph.ingest.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * A stand-in for statements-service on a free port: records every article of every {@code POST /articles/extractions}
 * and answers 200 with an outcome per article (400 for an article whose title contains "reject-me", 200 for the
 * others), or the status it was told to answer for the whole request. Tests control it over HTTP (the test resource
 * and the test run in different class loaders): {@code POST /_control/status} with "200" or "503", {@code GET
 * /_control/puts} for the recorded articles as a JSON array of {articleId, answered, authorization, body, call} (call:
 * the number of the request that carried it).
 */
public final class FakeStatementsService implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<String> recorded = new ArrayList<>();
    private volatile int status = 200;
    private int calls;

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
            if (method.equals("POST") && path.equals("/articles/extractions")) {
                int answer = status;
                List<String> outcomes = new ArrayList<>();
                synchronized (recorded) {
                    int call = ++calls;
                    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                    for (JsonNode article : JSON.readTree(body)) {
                        String articleId = article.get("articleId").asText();
                        recorded.add("{\"articleId\":\"" + articleId + "\",\"answered\":" + answer
                                + ",\"authorization\":" + (authorization == null ? "null" : "\"" + authorization + "\"")
                                + ",\"body\":" + article + ",\"call\":" + call + "}");
                        boolean reject = article.path("title").asText().contains("reject-me");
                        outcomes.add("{\"articleId\":\"" + articleId + "\",\"status\":" + (reject ? 400 : 200)
                                + ",\"statements\":" + article.path("extraction").path("statements").size()
                                + ",\"changed\":" + !reject + ",\"detail\":"
                                + (reject ? "\"articles[0].title: rejected by the fake\"" : "null") + "}");
                    }
                }
                if (answer == 200) {
                    send(exchange, 200, "application/json", "{\"articles\":[" + String.join(",", outcomes) + "]}");
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
