package io.quotegraph.cli;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** bench-graphql's clients against a real HTTP server on loopback: answers read whole and checked, errors counted. */
class BenchClientsTest {

    private static final byte[] QUERY = "{\"query\":\"{ a }\"}".getBytes(StandardCharsets.UTF_8);
    private static final Map<String, String> HEADERS = Map.of("Content-Type", "application/json");

    private Vertx vertx;
    private HttpServer server;
    private volatile String answer;
    private volatile boolean answering = true;
    private final AtomicInteger connections = new AtomicInteger();
    private final Set<HttpVersion> versions = ConcurrentHashMap.newKeySet();
    private final Queue<String> errors = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void startServer() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer()
                .connectionHandler(connection -> connections.incrementAndGet())
                .requestHandler(request -> request.body().onSuccess(body -> {
                    versions.add(request.version());
                    if (answering) {
                        request.response().putHeader("Content-Type", "application/json").end(answer);
                    }
                }))
                .listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stopServer() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void everyAnswerIsReadWholeAndCheckedEachClientOnItsOwnConnection() throws Exception {
        answer = largeAnswer(); // several reads per answer
        try (BenchClients clients = new BenchClients(false, false, Duration.ofSeconds(5))) {
            BenchClients.Outcome outcome = clients.run(url(), HEADERS, QUERY, 4, Duration.ofMillis(500), errors::add);
            assertThat(outcome.latencyNanos()).hasSizeGreaterThan(4);
            assertThat(outcome.errors()).isZero();
            assertThat(errors).isEmpty();
            assertThat(connections.get()).as("one keep-alive connection per client").isEqualTo(4);
            assertThat(versions).containsExactly(HttpVersion.HTTP_1_1);

            // the same clients, now answered with errors: every answer is one
            answer = "{\"data\":null,\"errors\":[{\"message\":\"statements-service is unavailable\"}]}";
            BenchClients.Outcome failing = clients.run(url(), HEADERS, QUERY, 4, Duration.ofMillis(300), errors::add);
            assertThat(failing.errors()).isEqualTo(failing.latencyNanos().size()).isPositive();
            assertThat(errors).first().asString().startsWith("status 200: {\"data\":null,\"errors\"");
            assertThat(connections.get()).as("kept across runs").isEqualTo(4);
        }
    }

    @Test
    void withHttp2AllClientsShareOneConnection() throws Exception {
        answer = largeAnswer();
        try (BenchClients clients = new BenchClients(true, false, Duration.ofSeconds(5))) {
            clients.run(url(), HEADERS, QUERY, 4, Duration.ofSeconds(1), errors::add); // the upgrade to h2c, warm-up
            BenchClients.Outcome outcome = clients.run(url(), HEADERS, QUERY, 4, Duration.ofMillis(500), errors::add);
            assertThat(outcome.latencyNanos()).hasSizeGreaterThan(4);
            assertThat(outcome.errors()).isZero();
            assertThat(connections.get()).isEqualTo(1);
            assertThat(versions).contains(HttpVersion.HTTP_2);
        }
    }

    @Test
    void aRequestWithoutAnAnswerIsATimedOutErrorAndTheRunStillEnds() throws Exception {
        answering = false;
        try (BenchClients clients = new BenchClients(false, false, Duration.ofMillis(300))) {
            BenchClients.Outcome outcome = clients.run(url(), HEADERS, QUERY, 2, Duration.ofMillis(100), errors::add);
            assertThat(outcome.latencyNanos()).isEmpty();
            assertThat(outcome.errors()).isEqualTo(2);
            assertThat(errors).allSatisfy(error -> assertThat(error).containsIgnoringCase("timeout"));
        }
    }

    private String url() {
        return "http://localhost:" + server.actualPort() + "/graphql";
    }

    private static String largeAnswer() {
        StringBuilder edges = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            edges.append(i == 0 ? "" : ",").append("{\"node\":{\"id\":\"a").append(i).append("\",\"title\":\"An article\"}}");
        }
        return "{\"data\":{\"articles\":{\"edges\":[" + edges + "]}}}";
    }
}
