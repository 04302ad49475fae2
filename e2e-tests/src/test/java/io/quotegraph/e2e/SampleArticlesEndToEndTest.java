package io.quotegraph.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.quotegraph.devstack.JsonHttp;
import io.quotegraph.devstack.QuotegraphStack;
import io.quotegraph.devstack.SampleLoader;
import io.quotegraph.devstack.StackSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole system started for real (PostgreSQL, the MongoDB-compatible server, the three services as processes):
 * the two sample articles go in through the GraphQL mutation and come out as statements and speakers through GraphQL,
 * as a careful reader extracts them (src/test/resources/seeds/expected.json).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleArticlesEndToEndTest {

    private static final String ARTICLE_STATEMENTS = """
            query($id: ID!) { article(id: $id) { id title statements(first: 100) { totalCount edges { node {
              id kind cue { text } speakerMention { text } content { text } speaker { id name } } } } } }""";

    private static final String INGEST = """
            mutation($input: ArticleInput!) { ingestArticle(input: $input) { id title status } }""";

    @TempDir
    static Path data;

    private final JsonHttp http = new JsonHttp();
    private QuotegraphStack stack;
    private JsonNode expected;
    private final Map<String, String> articleIdByFile = new LinkedHashMap<>();

    @BeforeAll
    void startSystemAndIngestSamples() throws IOException {
        stack = QuotegraphStack.start(StackSettings.isolated(Path.of("..").toAbsolutePath().normalize(), data));
        expected = JsonHttp.mapper().readTree(resource("expected.json"));
        for (JsonNode article : expected.path("articles")) {
            String file = article.path("file").asText();
            Map<String, Object> input = Map.of(
                    "text", new String(resource(file), StandardCharsets.UTF_8),
                    "publishedAt", article.path("publishedAt").asText(),
                    "source", "e2e",
                    "url", "https://example.org/e2e/" + file);
            JsonNode created = http.graphql(stack.gatewayUrl(), INGEST, Map.of("input", input)).path("ingestArticle");
            articleIdByFile.put(file, created.path("id").asText());
        }
        new SampleLoader(stack.ingestUrl()).awaitDelivered(List.copyOf(articleIdByFile.values()));
    }

    @AfterAll
    void stopSystem() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyExpectedStatementIsFoundWithItsSpeakerKindAndCue() {
        List<String> missing = new ArrayList<>();
        for (JsonNode article : expected.path("articles")) {
            List<JsonNode> statements = statementsOf(articleIdByFile.get(article.path("file").asText()));
            for (JsonNode want : article.path("statements")) {
                boolean found = statements.stream().anyMatch(got -> matches(got, want));
                if (!found) {
                    missing.add(article.path("file").asText() + ": " + want);
                }
            }
        }
        assertThat(missing).as("expected statements not found").isEmpty();
    }

    @Test
    void relatedNewsHeadlinesAreNotStatements() {
        for (JsonNode article : expected.path("articles")) {
            List<JsonNode> statements = statementsOf(articleIdByFile.get(article.path("file").asText()));
            for (JsonNode not : article.path("notStatements")) {
                assertThat(statements).noneMatch(s -> s.path("content").path("text").asText().contains(not.path("contains").asText()));
            }
        }
    }

    @Test
    void theHeadlineOfTheFirstSampleBecomesItsTitle() {
        JsonNode first = expected.path("articles").get(0);
        JsonNode article = http.graphql(stack.gatewayUrl(), ARTICLE_STATEMENTS,
                Map.of("id", articleIdByFile.get(first.path("file").asText()))).path("article");
        assertThat(article.path("title").asText()).isEqualTo(first.path("title").asText());
    }

    /** expected.json, crossArticle: the "number one … ceasefire …; number two … humanitarian needs" statements. */
    @Test
    void millersRepeatedTalkingPointIsLinkedAsSimilarNotOneQuotation() {
        JsonNode edges = http.graphql(stack.gatewayUrl(), """
                { speakers(search: "Miller") { edges { node { statements(first: 100) { edges { node {
                  id content { text } article { id } quotation { id occurrences { statementId } }
                  similar { score statement { id } } } } } } } } }""", Map.of())
                .path("speakers").path("edges").get(0).path("node").path("statements").path("edges");
        List<JsonNode> talkingPoint = new ArrayList<>();
        edges.forEach(edge -> {
            String text = edge.path("node").path("content").path("text").asText().toLowerCase(Locale.ROOT);
            if (text.contains("number one") && text.contains("number two") && text.contains("humanitarian")) {
                talkingPoint.add(edge.path("node"));
            }
        });
        assertThat(talkingPoint).hasSize(2);
        JsonNode first = talkingPoint.get(0);
        JsonNode second = talkingPoint.get(1);
        assertThat(first.path("article").path("id").asText()).isNotEqualTo(second.path("article").path("id").asText());
        assertThat(first.path("quotation").path("id").asText()).isNotEmpty()
                .isNotEqualTo(second.path("quotation").path("id").asText());
        for (JsonNode[] pair : List.of(new JsonNode[]{first, second}, new JsonNode[]{second, first})) {
            List<JsonNode> links = new ArrayList<>();
            pair[0].path("similar").forEach(links::add);
            assertThat(links).as("statements similar to " + pair[0].path("id").asText())
                    .anySatisfy(link -> {
                        assertThat(link.path("statement").path("id").asText()).isEqualTo(pair[1].path("id").asText());
                        assertThat(link.path("score").asDouble()).isGreaterThan(0).isLessThanOrEqualTo(1);
                    });
        }
    }

    @Test
    void matthewMillerIsOneSpeakerWithStatementsFromBothArticles() {
        JsonNode speakers = http.graphql(stack.gatewayUrl(), """
                { speakers(search: "Miller") { totalCount edges { node { id name aliases
                  statements(first: 100) { totalCount edges { node { article { id } } } } } } } }""", Map.of())
                .path("speakers");
        assertThat(speakers.path("totalCount").asInt()).isEqualTo(1);
        JsonNode miller = speakers.path("edges").get(0).path("node");
        assertThat(miller.path("name").asText()).isEqualTo("Matthew Miller");
        Set<String> articles = new TreeSet<>();
        miller.path("statements").path("edges").forEach(edge -> articles.add(edge.path("node").path("article").path("id").asText()));
        assertThat(articles).containsExactlyInAnyOrderElementsOf(articleIdByFile.values());
    }

    @Test
    void ingestingAnArticleAgainStoresNothingTwice() {
        JsonNode first = expected.path("articles").get(0);
        String id = articleIdByFile.get(first.path("file").asText());
        int statementsBefore = statementsOf(id).size();
        long articlesBefore = http.get(stack.ingestUrl() + "/articles").body().path("totalCount").asLong();

        JsonHttp.Reply again = http.postJson(stack.ingestUrl() + "/articles", Map.of(
                "text", new String(resource(first.path("file").asText()), StandardCharsets.UTF_8),
                "publishedAt", first.path("publishedAt").asText(),
                "url", "https://example.org/e2e/" + first.path("file").asText()));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("id").asText()).isEqualTo(id);
        assertThat(http.get(stack.ingestUrl() + "/articles").body().path("totalCount").asLong()).isEqualTo(articlesBefore);
        assertThat(statementsOf(id)).hasSize(statementsBefore);
    }

    private List<JsonNode> statementsOf(String articleId) {
        JsonNode connection = http.graphql(stack.gatewayUrl(), ARTICLE_STATEMENTS, Map.of("id", articleId))
                .path("article").path("statements");
        List<JsonNode> nodes = new ArrayList<>();
        connection.path("edges").forEach(edge -> nodes.add(edge.path("node")));
        assertThat(nodes).hasSize(connection.path("totalCount").asInt());
        return nodes;
    }

    private static boolean matches(JsonNode got, JsonNode want) {
        boolean mentionMatches = !want.has("mention")
                || want.path("mention").asText().equalsIgnoreCase(got.path("speakerMention").path("text").asText());
        return got.path("content").path("text").asText().contains(want.path("contains").asText())
                && got.path("kind").asText().equals(want.path("kind").asText().toUpperCase(Locale.ROOT))
                && got.path("cue").path("text").asText().equals(want.path("cue").asText())
                && got.path("speaker").path("name").asText().equals(want.path("speaker").asText())
                && mentionMatches;
    }

    private static byte[] resource(String name) {
        try (InputStream in = SampleArticlesEndToEndTest.class.getResourceAsStream("/seeds/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource seeds/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
