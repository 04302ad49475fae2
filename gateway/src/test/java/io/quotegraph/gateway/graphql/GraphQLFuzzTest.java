package io.quotegraph.gateway.graphql;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.gateway.fake.FakeBackends;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * Generated hostile GraphQL against the real endpoint (with the fake backends): documents built from the schema's own
 * fields nested up to 40 levels, arguments of the wrong type or with operator-like and control-character strings,
 * aliases and fragments, broken syntax, broken JSON envelopes. Every answer must come within {@link #PER_REQUEST} and
 * never be a 5xx. {@code -Dfuzz.graphql.inputs=N} (default 200) and {@code -Dfuzz.seed=S} set the run.
 */
@QuarkusTest
@WithTestResource(FakeBackends.class)
class GraphQLFuzzTest {

    private static final Duration PER_REQUEST = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ROOTS = List.of("statements", "speakers", "articles", "events", "article", "speaker",
            "event", "entity", "entities");
    private static final List<String> FIELDS = List.of("edges", "node", "id", "totalCount", "pageInfo", "hasNextPage",
            "endCursor", "content", "text", "start", "end", "speaker", "name", "aliases", "roles", "title", "article",
            "statements", "occasion", "participants", "articles", "events", "kind", "publishedAt", "__typename", "nope");
    private static final List<String> ARGUMENTS = List.of("first", "after", "id", "text", "search", "speakerId",
            "articleId", "kind", "from", "to", "type", "bogus");
    private static final List<String> VALUES = List.of("1", "-1", "0", "2147483648", "1e400", "true", "null", "DIRECT",
            "\"\"", "\"{\\\"$ne\\\": null}\"", "\"$where\"", "\".*\"", "\"\\u0000\"", "\"\\ud800\"", "\"2023-13-45\"",
            "\"" + "x".repeat(3000) + "\"", "[1, 2]", "{a: 1}", "$v");

    @TestHTTPResource("/graphql")
    URL graphql;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The first crasher the fuzzing found: SmallRye answered 500 (a NullPointerException in its tracing). */
    @Test
    void variablesThatAreNotAnObjectAreA400() {
        given().contentType("application/json").body("{\"query\":\"{ statements { totalCount } }\",\"variables\":[1,2]}")
                .post("/graphql").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("\"variables\" must be a JSON object"));
        given().contentType("application/json").body("{\"query\":[\"{ statements { totalCount } }\"]}")
                .post("/graphql").then().statusCode(400).body("detail", containsString("\"query\" must be a string"));
        given().contentType("application/json").body("{\"query\":").post("/graphql").then().statusCode(400)
                .body("detail", containsString("not valid JSON"));
        given().contentType("application/json").body("{\"query\":\"{ statements { totalCount } }\",\"variables\":null}")
                .post("/graphql").then().statusCode(200).body("data.statements.totalCount", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void generatedHostileQueriesNeverGetA5xxOrHang() throws Exception {
        int inputs = Integer.getInteger("fuzz.graphql.inputs", 200);
        long seed = Long.getLong("fuzz.seed", 20241125L);
        Random random = new Random(seed);
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < inputs; i++) {
            String body = envelope(random, document(random));
            HttpResponse<String> response;
            try {
                response = http.send(HttpRequest.newBuilder(URI.create(graphql.toString())).timeout(PER_REQUEST)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (java.net.http.HttpTimeoutException e) {
                throw new AssertionError("no answer within " + PER_REQUEST + " to input " + i + " (seed " + seed + "): " + body, e);
            }
            assertThat(response.statusCode()).as("input %d (seed %d): %s → %s", i, seed, body, response.body()).isLessThan(500);
            statuses.merge(response.statusCode(), 1, Integer::sum);
        }
        System.out.printf("GraphQL fuzzing: %d inputs (seed %d), statuses %s%n", inputs, seed, statuses);
    }

    private static String document(Random random) {
        StringBuilder doc = new StringBuilder(random.nextInt(4) == 0 ? "query Q($v: String) " : "");
        doc.append("{ ");
        for (int roots = 1 + random.nextInt(2); roots > 0; roots--) {
            if (random.nextInt(5) == 0) {
                doc.append("a").append(random.nextInt(100)).append(": ");
            }
            doc.append(pick(random, ROOTS)).append(arguments(random));
            selection(random, doc, 1 + random.nextInt(random.nextInt(10) == 0 ? 40 : 8));
            doc.append(' ');
        }
        doc.append('}');
        if (random.nextInt(6) == 0) { // broken syntax: a cut, a stray brace or a random character
            int at = random.nextInt(doc.length());
            return switch (random.nextInt(3)) {
                case 0 -> doc.substring(0, at);
                case 1 -> doc.insert(at, '{').toString();
                default -> doc.insert(at, (char) random.nextInt(0x3000)).toString();
            };
        }
        return doc.toString();
    }

    private static void selection(Random random, StringBuilder doc, int depth) {
        doc.append(" { ");
        for (int fields = 1 + random.nextInt(3); fields > 0; fields--) {
            doc.append(pick(random, FIELDS));
            if (random.nextInt(4) == 0) {
                doc.append(arguments(random));
            }
            if (depth > 1 && random.nextBoolean()) {
                selection(random, doc, depth - 1);
            }
            doc.append(' ');
        }
        doc.append('}');
    }

    private static String arguments(Random random) {
        if (random.nextBoolean()) {
            return "";
        }
        StringBuilder args = new StringBuilder("(");
        for (int n = 1 + random.nextInt(2); n > 0; n--) {
            args.append(pick(random, ARGUMENTS)).append(": ").append(pick(random, VALUES)).append(n > 1 ? ", " : "");
        }
        return args.append(')').toString();
    }

    /** The JSON request: mostly well-formed, sometimes with wrong types, missing parts or broken JSON. */
    private static String envelope(Random random, String document) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (random.nextInt(12)) {
            case 0 -> body.put("query", List.of(document));
            case 1 -> body.put("variables", Map.of("v", "x"));
            case 2 -> {
                body.put("query", document);
                body.put("variables", List.of(1, 2));
            }
            case 3 -> {
                return JSON.writeValueAsString(Map.of("query", document)).substring(0, 1 + random.nextInt(10));
            }
            default -> {
                body.put("query", document);
                body.put("variables", Map.of("v", pick(random, VALUES)));
            }
        }
        return JSON.writeValueAsString(body);
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
