package io.quotegraph.ingest.feed;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.ingest.support.IngestTestResources;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.quotegraph.ingest.support.Articles.unique;
import static io.quotegraph.ingest.support.Eventually.await;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * The feed registry against a feed served by a loopback HTTP server in the test: scheduled polls (every second here,
 * see IngestTestResources), only new items ingested, errors recorded and backed off, then recovery.
 */
@QuarkusTest
@WithTestResource(IngestTestResources.class)
class FeedPollingTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private HttpServer server;
    private final List<Feeds.Item> items = new ArrayList<>();
    private volatile int status = 200;
    private final AtomicInteger fetches = new AtomicInteger();

    @BeforeEach
    void serveFeed() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/feed.xml", exchange -> {
            try (exchange) {
                fetches.incrementAndGet();
                byte[] body;
                synchronized (items) {
                    body = (status == 200 ? Feeds.rss("Loopback News", List.copyOf(items)) : "unavailable")
                            .getBytes(StandardCharsets.UTF_8);
                }
                exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
                exchange.sendResponseHeaders(status, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String feedUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml";
    }

    @Test
    void aRegisteredFeedIsPolledOnlyNewItemsAreIngestedAndFailuresBackOff() {
        String marker = unique();
        synchronized (items) {
            items.add(Feeds.item(marker, 1, "Tue, 06 Feb 2024 08:00:00 GMT"));
            items.add(Feeds.item(marker, 2, "Tue, 06 Feb 2024 09:00:00 GMT"));
        }
        JsonPath registered = given().contentType(ContentType.JSON)
                .body(Map.of("url", feedUrl(), "source", "loopback", "pollIntervalSeconds", 1))
                .post("/feeds").then().statusCode(201).extract().jsonPath();
        String id = registered.getString("id");
        assertThat(registered.getInt("pollIntervalSeconds")).isEqualTo(1);

        JsonPath polled = awaitFeed(id, f -> f.getLong("itemsIngested") == 2 && f.getString("lastItemKey") != null);
        assertThat(polled.getString("lastItemKey")).isEqualTo("urn:test:" + marker + ":2");
        assertThat(polled.getString("lastItemAt")).isEqualTo("2024-02-06T09:00:00Z");
        assertThat(polled.getInt("consecutiveErrors")).isZero();
        assertThat(given().get("/articles?source=loopback&limit=100").then().extract().jsonPath()
                .getList("items.url")).contains("https://feeds.example/" + marker + "/1", "https://feeds.example/" + marker + "/2");

        // later polls see the same items: nothing is submitted again
        int fetchesSoFar = fetches.get();
        await("two more polls", WAIT, fetches::get, n -> n >= fetchesSoFar + 2);
        assertThat(feed(id).getLong("itemsIngested")).isEqualTo(2);

        // the feed fails: the error is recorded and the next poll backs off (1 s interval doubled per error)
        status = 503;
        JsonPath failing = awaitFeed(id, f -> f.getInt("consecutiveErrors") >= 2);
        assertThat(failing.getString("lastError")).contains("HTTP 503");
        Instant lastPolled = Instant.parse(failing.getString("lastPolledAt"));
        Instant next = Instant.parse(failing.getString("nextPollAt"));
        long expectedSeconds = 1L << failing.getInt("consecutiveErrors");
        assertThat(Duration.between(lastPolled, next)).isGreaterThanOrEqualTo(Duration.ofSeconds(expectedSeconds).minusMillis(5));

        // it recovers, and a new item is the only one ingested
        synchronized (items) {
            items.add(0, Feeds.item(marker, 3, "Wed, 07 Feb 2024 10:00:00 GMT"));
        }
        status = 200;
        JsonPath recovered = awaitFeed(id, f -> f.getInt("consecutiveErrors") == 0 && f.getLong("itemsIngested") == 3);
        assertThat(recovered.getString("lastError")).isNull();
        assertThat(recovered.getString("lastItemKey")).isEqualTo("urn:test:" + marker + ":3");

        given().delete("/feeds/" + id).then().statusCode(204);
        given().get("/feeds/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void registrationIsValidatedAndIdempotent() {
        given().contentType(ContentType.JSON).body(Map.of("url", "ftp://example.org/feed"))
                .post("/feeds").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("http or https"));
        given().contentType(ContentType.JSON).body(Map.of("source", "no url"))
                .post("/feeds").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{not json")
                .post("/feeds").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("url", "https://example.org/feed-" + unique(), "pollIntervalSeconds", 0))
                .post("/feeds").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("pollIntervalSeconds"));

        // a loopback port nobody listens on: the first poll (right after registration) fails fast
        String url = "http://127.0.0.1:9/feed-" + unique() + ".xml";
        String id = given().contentType(ContentType.JSON).body(Map.of("url", url, "pollIntervalSeconds", 3600))
                .post("/feeds").then().statusCode(201).extract().jsonPath().getString("id");
        given().contentType(ContentType.JSON).body(Map.of("url", url))
                .post("/feeds").then().statusCode(200).body("id", org.hamcrest.Matchers.equalTo(id));
        assertThat(given().get("/feeds").then().statusCode(200).extract().jsonPath().getList("id")).contains(id);
        given().delete("/feeds/" + id).then().statusCode(204);
        given().delete("/feeds/" + id).then().statusCode(404);
    }

    private static JsonPath feed(String id) {
        return given().get("/feeds/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitFeed(String id, java.util.function.Predicate<JsonPath> condition) {
        return await("feed " + id, WAIT, () -> feed(id), condition);
    }
}
