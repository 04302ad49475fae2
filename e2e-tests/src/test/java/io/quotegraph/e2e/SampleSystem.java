package io.quotegraph.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.quotegraph.devstack.JsonHttp;
import io.quotegraph.devstack.QuotegraphStack;
import io.quotegraph.devstack.SampleLoader;
import io.quotegraph.devstack.StackSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system on isolated ports with the sample articles of seeds/expected.json ingested and delivered;
 * {@link #expected()} is what a careful reader extracts from them. Articles go in through ingest-service's REST API
 * (the GraphQL mutation is SampleArticlesEndToEndTest's subject): its first extraction can outlast the gateway's
 * backend timeout on a loaded machine.
 */
final class SampleSystem implements AutoCloseable {

    private final JsonHttp http = new JsonHttp();
    private final QuotegraphStack stack;
    private final JsonNode expected;
    private final Map<String, String> articleIdByFile = new LinkedHashMap<>();

    private SampleSystem(QuotegraphStack stack) {
        this.stack = stack;
        this.expected = readJson("expected.json");
    }

    /** @param urlPrefix makes the articles' URLs unique to the caller */
    static SampleSystem start(Path dataDirectory, String urlPrefix) {
        SampleSystem system = new SampleSystem(
                QuotegraphStack.start(StackSettings.isolated(Path.of("..").toAbsolutePath().normalize(), dataDirectory)));
        try {
            system.ingestSamples(urlPrefix);
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    private void ingestSamples(String urlPrefix) {
        for (JsonNode article : expected.path("articles")) {
            String file = article.path("file").asText();
            Map<String, Object> input = Map.of(
                    "text", new String(resource(file), StandardCharsets.UTF_8),
                    "publishedAt", article.path("publishedAt").asText(),
                    "source", "e2e",
                    "url", urlPrefix + file);
            articleIdByFile.put(file, ingest(input));
        }
        new SampleLoader(stack.ingestUrl()).awaitDelivered(List.copyOf(articleIdByFile.values()));
    }

    /** Ingests an article ({@code POST /articles} fields); returns its id. */
    String ingest(Map<String, Object> article) {
        JsonHttp.Reply reply = http.postJson(stack.ingestUrl() + "/articles", article);
        if (reply.status() != 201 && reply.status() != 200) {
            throw new IllegalStateException("article rejected: " + reply.status() + " " + reply.body());
        }
        return reply.body().path("id").asText();
    }

    JsonNode graphql(String query, Map<String, Object> variables) {
        return http.graphql(stack.gatewayUrl(), query, variables);
    }

    String gatewayUrl() {
        return stack.gatewayUrl();
    }

    JsonNode expected() {
        return expected;
    }

    /** The ids of the ingested articles, by sample file name, in the order of expected.json. */
    Map<String, String> articleIdByFile() {
        return articleIdByFile;
    }

    static byte[] resource(String name) {
        try (InputStream in = SampleSystem.class.getResourceAsStream("/seeds/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource seeds/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readJson(String name) {
        try {
            return JsonHttp.mapper().readTree(resource(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stack.close();
    }
}
