package io.quotegraph.statements;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /statements/stream: a listener receives the statements of each delivery completed while it listens. */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
class StatementStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/statements/stream")
    URI stream;

    @Test
    void deliveredStatementsAreStreamedAsServerSentEvents() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(stream).header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .get(10, TimeUnit.SECONDS);
        Thread reader = new Thread(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (UncheckedIOException closed) {
                // the test closed the stream
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));

            awaitConnectedComment(lines);

            String surname = Articles.name();
            Articles article = Articles.article("streamed")
                    .speaker("S1", "Mira " + surname, "PERSON", List.of(), null, null)
                    .statement("DIRECT", "The river is rising", "Mira " + surname, "said", "S1")
                    .statement("INDIRECT", "the dam would hold", "she", "said", "S1");
            article.deliver().statusCode(200);

            List<JsonNode> received = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (received.size() < 2 && System.nanoTime() < deadline) {
                String line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith("data:")) {
                    JsonNode statement = JSON.readTree(line.substring("data:".length()).trim());
                    if (statement.path("articleId").asText().equals(article.articleId)) {
                        received.add(statement);
                    }
                }
            }
            assertThat(received).extracting(s -> s.get("id").asText())
                    .containsExactly(article.articleId + ":0", article.articleId + ":1");
            assertThat(received.get(0).get("content").get("text").asText()).isEqualTo("The river is rising");
            assertThat(received.get(0).get("speakerId").asText()).isNotBlank();
            assertThat(received.get(1).get("kind").asText()).isEqualTo("INDIRECT");

            // an unchanged re-delivery stores nothing and publishes nothing
            article.deliver().statusCode(200);
            String late = lines.poll(500, TimeUnit.MILLISECONDS);
            assertThat(late == null || !late.contains(article.articleId)).isTrue();
        } finally {
            response.body().close();
        }
    }

    /** Reads up to the stream's "connected" comment: from then on every completed delivery reaches this listener. */
    private static void awaitConnectedComment(BlockingQueue<String> lines) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(":") && line.substring(1).trim().equals("connected")) {
                return;
            }
        }
        throw new AssertionError("the stream sent no \"connected\" comment within 10 s");
    }
}
