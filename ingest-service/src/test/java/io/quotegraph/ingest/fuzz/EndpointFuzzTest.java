package io.quotegraph.ingest.fuzz;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.ingest.support.IngestTestResources;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated hostile input against the real endpoints (POST /articles, /articles/batch, /feeds/parse): valid documents
 * mutated at the byte level, hostile field values (control characters, lone surrogates, operator-like text, deep HTML,
 * DOCTYPEs), wrong types and content types. Every answer must come within {@link #PER_REQUEST} and never be a 5xx.
 * <p>
 * {@code -Dfuzz.http.inputs=N} (default 300, the normal build) and {@code -Dfuzz.seed=S} set the run; the campaign
 * runs it with tens of thousands of inputs. A failure names the seed and the input number, which reproduce it.
 */
@QuarkusTest
@WithTestResource(IngestTestResources.class)
class EndpointFuzzTest {

    private static final Duration PER_REQUEST = Duration.ofSeconds(10);
    private static final List<String> HOSTILE_VALUES = List.of("", " ", "\u0000", "\u0007\u001B\u007F", "\uD800", "\uDFFF\uD800",
            "{\"$ne\":null}", "$where", "'; DROP TABLE article; --", "<script>alert(1)</script>", "\u202Eevil", "\uFEFF",
            "https://", "javascript:alert(1)", "file:///etc/passwd", "9999-99-99T99:99:99Z", "-1", "1e309",
            "<div>".repeat(2000), "x".repeat(5000), "\"We will,\" he said.", "\r\n\r\n", "&lol9;", "\\u0000");
    private static final List<String> FIELDS = List.of("url", "source", "title", "text", "html", "publishedAt", "language",
            "unknown", "$where");
    private static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Wire</title><language>en</language>
            <item><title>T</title><link>https://news.example/%s</link><pubDate>Tue, 26 Sep 2023 09:00:00 GMT</pubDate>
            <description>&lt;p&gt;"We will continue," the minister said about %s.&lt;/p&gt;</description></item>
            </channel></rss>""";

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void generatedHostileInputNeverGetsA5xxOrHangs() throws Exception {
        int inputs = Integer.getInteger("fuzz.http.inputs", 300);
        long seed = Long.getLong("fuzz.seed", 20241125L);
        Random random = new Random(seed);
        Map<String, Integer> perEndpoint = new TreeMap<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < inputs; i++) {
            int pick = random.nextInt(3);
            String path;
            String contentType;
            byte[] body;
            if (pick == 0) {
                path = "/articles";
                contentType = random.nextInt(20) == 0 ? "text/plain" : "application/json";
                body = mutate(random, article(random, i).getBytes(StandardCharsets.UTF_8));
            } else if (pick == 1) {
                path = "/articles/batch";
                contentType = random.nextInt(20) == 0 ? "application/json" : "application/x-ndjson";
                StringBuilder lines = new StringBuilder();
                for (int n = random.nextInt(6); n >= 0; n--) {
                    lines.append(article(random, i)).append(random.nextBoolean() ? "\n" : "\r\n");
                }
                body = mutate(random, lines.toString().getBytes(StandardCharsets.UTF_8));
            } else {
                path = "/feeds/parse";
                contentType = random.nextInt(20) == 0 ? "application/json" : "application/rss+xml";
                String feed = FEED.formatted(i + "-" + seed, value(random));
                body = mutate(random, feed.getBytes(StandardCharsets.UTF_8));
            }
            HttpResponse<String> response;
            try {
                response = http.send(HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                        .timeout(PER_REQUEST).header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.net.http.HttpTimeoutException e) {
                throw new AssertionError("no answer within " + PER_REQUEST + " to input " + i + " (seed " + seed + ") on " + path, e);
            }
            assertThat(response.statusCode()).as("input %d (seed %d) on %s: %s", i, seed, path, response.body())
                    .isLessThan(500);
            perEndpoint.merge(path, 1, Integer::sum);
            statuses.merge(response.statusCode(), 1, Integer::sum);
        }
        System.out.printf("endpoint fuzzing: %d inputs (seed %d), per endpoint %s, statuses %s%n", inputs, seed, perEndpoint, statuses);
        assertThat(perEndpoint.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(inputs);
    }

    /** An article JSON with some fields hostile, missing, of the wrong type or unknown. */
    private static String article(Random random, int i) {
        StringBuilder json = new StringBuilder("{");
        json.append("\"url\":\"https://news.example/fuzz/").append(i).append('-').append(random.nextInt()).append("\",");
        json.append("\"publishedAt\":\"2023-09-26T09:00:00Z\"");
        boolean html = random.nextBoolean();
        json.append(",\"").append(html ? "html" : "text").append("\":").append(quote("\"The budget " + i
                + " is balanced,\" the minister said. " + value(random)));
        for (int n = random.nextInt(4); n > 0; n--) {
            String field = FIELDS.get(random.nextInt(FIELDS.size()));
            String value = switch (random.nextInt(5)) {
                case 0 -> "null";
                case 1 -> Integer.toString(random.nextInt());
                case 2 -> "[" + quote(value(random)) + "]";
                case 3 -> "{\"$gt\":" + quote(value(random)) + "}";
                default -> quote(value(random));
            };
            json.append(",\"").append(field).append("\":").append(value);
        }
        return json.append('}').toString();
    }

    private static String value(Random random) {
        return HOSTILE_VALUES.get(random.nextInt(HOSTILE_VALUES.size()));
    }

    /** A JSON string literal (lone surrogates are kept as escapes, so the JSON itself is well-formed). */
    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** Half the inputs are sent as they are; the others get byte flips, insertions, deletions or a truncation. */
    private static byte[] mutate(Random random, byte[] input) {
        if (random.nextBoolean() || input.length == 0) {
            return input;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(input);
        byte[] bytes = out.toByteArray();
        int mutations = 1 + random.nextInt(8);
        for (int m = 0; m < mutations && bytes.length > 0; m++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(4)) {
                case 0 -> bytes[at] = (byte) random.nextInt(256);
                case 1 -> bytes = java.util.Arrays.copyOf(bytes, at); // truncated
                case 2 -> {
                    byte[] longer = new byte[bytes.length + 1];
                    System.arraycopy(bytes, 0, longer, 0, at);
                    longer[at] = (byte) random.nextInt(256);
                    System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                    bytes = longer;
                }
                default -> {
                    byte[] shorter = new byte[bytes.length - 1];
                    System.arraycopy(bytes, 0, shorter, 0, at);
                    System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
                    bytes = shorter;
                }
            }
        }
        return bytes;
    }
}
