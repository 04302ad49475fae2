package io.quotegraph.devstack.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bulk importer against a loopback stand-in for {@code POST /articles/batch} that records every article it gets and
 * answers like ingest-service (accepted, duplicate for a URL seen before, rejected without a date).
 */
class BulkIngesterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<JsonNode> received = new ArrayList<>();
    private final List<String> seenUrls = new ArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    /** The server answers 503 from this request on (1-based); 0 = never. */
    private volatile int failFrom;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/articles/batch", exchange -> {
            try (exchange) {
                int n = requests.incrementAndGet();
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (failFrom > 0 && n >= failFrom) {
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                StringBuilder answer = new StringBuilder();
                int line = 0;
                for (String json : body.split("\n")) {
                    line++;
                    JsonNode article = JSON.readTree(json);
                    synchronized (received) {
                        received.add(article);
                        String url = article.path("url").asText(null);
                        if (!article.has("publishedAt")) {
                            answer.append("{\"line\":").append(line).append(",\"status\":\"rejected\",\"reason\":\"publishedAt: is required\"}\n");
                        } else if (url != null && seenUrls.contains(url)) {
                            answer.append("{\"line\":").append(line).append(",\"status\":\"duplicate\",\"id\":\"x\"}\n");
                        } else {
                            if (url != null) {
                                seenUrls.add(url);
                            }
                            answer.append("{\"line\":").append(line).append(",\"status\":\"accepted\",\"id\":\"id-")
                                    .append(received.size()).append("\"}\n");
                        }
                    }
                }
                byte[] bytes = answer.toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/x-ndjson");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private JsonNode receivedWith(java.util.function.Predicate<JsonNode> holds) {
        synchronized (received) {
            List<JsonNode> matching = received.stream().filter(holds).toList();
            assertThat(matching).as("received articles matching").hasSize(1);
            return matching.get(0);
        }
    }

    private BulkIngester ingester(int chunk, ByteArrayOutputStream progress) {
        return new BulkIngester(new BulkIngester.Settings("http://127.0.0.1:" + server.getAddress().getPort(), chunk, 2,
                dir.resolve("state.json"), dir.resolve("rejects.ndjson"), "cli-test"),
                new PrintStream(progress, true, StandardCharsets.UTF_8), false);
    }

    /**
     * Paced, chunk k is due at k chunks' worth of the rate after the start whatever the answers (an open loop): its
     * sent time is exactly that, and the server never gets it earlier.
     */
    @Test
    void pacedChunksAreSentWhenDueAndCountAsSentThen() throws Exception {
        List<Long> arrivals = java.util.Collections.synchronizedList(new ArrayList<>());
        // this test's server answers every line accepted and notes when each request arrived
        server.removeContext("/articles/batch");
        server.createContext("/articles/batch", exchange -> {
            arrivals.add(System.nanoTime());
            try (exchange) {
                int lines = (int) new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                        .lines().filter(l -> !l.isBlank()).count();
                StringBuilder answer = new StringBuilder();
                for (int line = 1; line <= lines; line++) {
                    answer.append("{\"line\":").append(line).append(",\"status\":\"accepted\",\"id\":\"i")
                            .append(arrivals.size()).append('-').append(line).append("\"}\n");
                }
                byte[] bytes = answer.toString().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        Path in = dir.resolve("paced.ndjson");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            lines.append("{\"url\":\"https://e.example/").append(i)
                    .append("\",\"text\":\"Body.\",\"publishedAt\":\"2024-01-02T03:04:05Z\"}\n");
        }
        Files.writeString(in, lines);
        List<Long> sent = java.util.Collections.synchronizedList(new ArrayList<>());
        BulkIngester.Summary summary = ingester(2, new ByteArrayOutputStream()).pacedAt(20)
                .onChunk(result -> sent.add(result.sentNanos())).run(List.of(in));

        assertThat(summary.accepted).isEqualTo(10);
        assertThat(sent).hasSize(5);
        for (int k = 1; k < 5; k++) {
            // 2 articles at 20 articles/s: one chunk every 100 ms, to the nanosecond but for rounding
            assertThat(sent.get(k) - sent.get(0)).isCloseTo(k * 100_000_000L, org.assertj.core.data.Offset.offset(10L));
        }
        List<Long> sortedArrivals = arrivals.stream().sorted().toList();
        for (int k = 0; k < 5; k++) {
            assertThat(sortedArrivals.get(k)).as("chunk %d arrives when due, not before", k).isGreaterThanOrEqualTo(sent.get(k));
        }
    }

    @Test
    void aRateMustBePositive() {
        assertThatThrownBy(() -> ingester(2, new ByteArrayOutputStream()).pacedAt(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyFormatIsMappedOntoTheIngestApi() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a.json"), """
                {"id":"x1","source":"PolNeAR","text":"Body one.","meta":{"publisher":"nyt","date":"2016-03-01","title":"T1"}}""");
        Files.writeString(in.resolve("b.ndjson"), """
                {"url":"https://e.example/2","text":"Body two.","publishedAt":"2024-01-02T03:04:05Z","language":"en","extra":1}

                {"url":"https://e.example/3","html":"<p>Body three.</p>","published_at":"2024-01-03T00:00:00+01:00"}
                """);
        Files.writeString(in.resolve("c.html"), "<html><body><p>Body four.</p></body></html>");
        Files.writeString(in.resolve("d.txt"), "A headline\nBody five.");
        Files.writeString(in.resolve("ignored.csv"), "not an article");

        BulkIngester.Summary summary = ingester(10, new ByteArrayOutputStream()).run(List.of(in));

        assertThat(summary.total).isEqualTo(5);
        assertThat(summary.accepted).isEqualTo(5);
        assertThat(received).hasSize(5);
        // files travel in parallel chunks: find each article by what it holds, not by arrival order
        JsonNode a = receivedWith(n -> n.path("text").asText().equals("Body one."));
        assertThat(a.path("source").asText()).isEqualTo("PolNeAR");
        assertThat(a.path("title").asText()).isEqualTo("T1");
        assertThat(a.path("publishedAt").asText()).isEqualTo("2016-03-01T00:00:00Z");
        assertThat(a.has("id")).isFalse();
        assertThat(a.has("meta")).isFalse();
        JsonNode b = receivedWith(n -> n.path("url").asText().equals("https://e.example/2"));
        assertThat(b.path("language").asText()).isEqualTo("en");
        assertThat(b.path("source").asText()).isEqualTo("cli-test");
        assertThat(b.has("extra")).isFalse();
        JsonNode three = receivedWith(n -> n.path("url").asText().equals("https://e.example/3"));
        assertThat(three.path("html").asText()).isEqualTo("<p>Body three.</p>");
        assertThat(three.path("publishedAt").asText()).isEqualTo("2024-01-02T23:00:00Z");
        JsonNode four = receivedWith(n -> n.path("html").asText().contains("Body four."));
        assertThat(four.path("publishedAt").asText()).isNotEmpty(); // the file's modification time
        assertThat(receivedWith(n -> n.has("text") && n.path("text").asText().startsWith("A headline"))
                .path("text").asText()).isEqualTo("A headline\nBody five.");
    }

    @Test
    void chunksProgressSummaryAndRejects() throws Exception {
        Path file = dir.resolve("many.ndjson");
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 25; i++) {
            lines.append(i == 7 ? "{\"url\":\"https://e.example/1\",\"text\":\"again\",\"publishedAt\":\"2024-01-01T00:00:00Z\"}"
                    : i == 9 ? "{not json" : "{\"url\":\"https://e.example/" + i + "\",\"text\":\"t\",\"publishedAt\":\"2024-01-01T00:00:00Z\"}")
                    .append('\n');
        }
        Files.writeString(file, lines);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        BulkIngester.Summary summary = ingester(10, progress).run(List.of(file));

        assertThat(requests.get()).isEqualTo(3); // 10 + 10 + 5
        assertThat(summary.accepted).isEqualTo(23);
        assertThat(summary.duplicates).isEqualTo(1);
        assertThat(summary.rejected).isEqualTo(1); // the line that is not JSON, never sent
        assertThat(received).hasSize(24);
        assertThat(summary.firstRejects).singleElement().asString().contains("many.ndjson #9").contains("not valid JSON");
        assertThat(Files.readString(dir.resolve("rejects.ndjson"))).contains("\"record\":9");
        assertThat(progress.toString(StandardCharsets.UTF_8))
                .containsPattern("\\[#{24}\\] 25/25 100%  [0-9.,]+ articles/s  ETA 0:00  duplicates 1  rejects 1");
    }

    @Test
    void anInterruptedImportResumesAfterTheLastAnsweredChunk() throws Exception {
        Path file = dir.resolve("resume.ndjson");
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            lines.append("{\"url\":\"https://e.example/r").append(i)
                    .append("\",\"text\":\"t\",\"publishedAt\":\"2024-01-01T00:00:00Z\"}\n");
        }
        Files.writeString(file, lines);
        failFrom = 3; // the third request (and every later one) fails: the import stops after two answered chunks

        assertThatThrownBy(() -> new BulkIngester(new BulkIngester.Settings("http://127.0.0.1:" + server.getAddress().getPort(),
                5, 1, dir.resolve("state.json"), null, null), new PrintStream(new ByteArrayOutputStream()), false)
                .run(List.of(file)))
                .isInstanceOf(BulkIngester.IngestFailure.class)
                .hasMessageContaining("HTTP 503")
                .hasMessageContaining("run the same command again to resume");
        assertThat(Files.readString(dir.resolve("state.json"))).contains("\"done\" : 10");
        int sentBefore = received.size();
        assertThat(sentBefore).isEqualTo(10);

        // a chunk that was in flight when the import stopped may still reach the (failing) server: let it settle first
        for (int seen = -1; seen != requests.get(); Thread.sleep(500)) {
            seen = requests.get();
        }
        failFrom = 0;
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        BulkIngester.Summary resumed = ingester(5, progress).run(List.of(file));
        assertThat(resumed.skipped).isEqualTo(10);
        assertThat(resumed.accepted).isEqualTo(20);
        assertThat(resumed.duplicates).isZero(); // nothing answered before was sent again
        assertThat(received).hasSize(30);
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("resuming: 10 of 30 articles were done before");

        // a third run finds everything done and sends nothing
        int requestsSoFar = requests.get();
        BulkIngester.Summary again = ingester(5, new ByteArrayOutputStream()).run(List.of(file));
        assertThat(again.skipped).isEqualTo(30);
        assertThat(requests.get()).isEqualTo(requestsSoFar);
    }

    @Test
    void aMissingPathIsAnError() {
        assertThatThrownBy(() -> ingester(5, new ByteArrayOutputStream()).run(List.of(dir.resolve("nope"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no such file or directory");
    }
}
