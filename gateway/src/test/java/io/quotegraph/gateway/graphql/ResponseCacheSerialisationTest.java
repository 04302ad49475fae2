package io.quotegraph.gateway.graphql;

import graphql.ExecutionResult;
import io.smallrye.graphql.execution.ExecutionResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The cache stores an answer byte for byte as SmallRye writes it, without building it as a string first. */
class ResponseCacheSerialisationTest {

    @Test
    void anAnswerIsStoredAsSmallRyeWritesItInUtf8() {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("id", "a-1");
        article.put("title", "“Quoted” — em dash, café, 東京, emoji 😀, a lone \uD800 surrogate");
        article.put("text", "quote \" backslash \\ slash / newline \n tab \t bell \u0007 nul \u0000 del \u007f");
        article.put("count", 42);
        article.put("ratio", 0.25);
        article.put("big", 12345678901234L);
        article.put("flag", true);
        article.put("missing", null);
        article.put("roles", List.of("senator", Map.of("title", "chair"), List.of()));
        assertSameAsSmallRye(Map.of("articles", Map.of("edges", List.of(Map.of("node", article)))));
    }

    @Test
    void aLargeAnswerIsStoredAsSmallRyeWritesIt() {
        // about the size of bench-graphql's 50-article answer (~140 KB), random text with non-Latin-1 characters
        Random random = new Random(7);
        String alphabet = "abcdefghijklmnopqrstuvwxyz ABC.,;:!?\"'\\/“”‘’—–éüßçñ東京\n";
        List<Object> edges = new ArrayList<>();
        for (int a = 0; a < 50; a++) {
            List<Object> statements = new ArrayList<>();
            for (int s = 0; s < 10; s++) {
                StringBuilder text = new StringBuilder();
                for (int c = 0; c < 250; c++) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                statements.add(Map.of("node", Map.of("id", "s-" + a + "-" + s, "content", Map.of("text", text.toString()))));
            }
            edges.add(Map.of("node", Map.of("id", "a-" + a, "statements", Map.of("totalCount", 10, "edges", statements))));
        }
        byte[] stored = assertSameAsSmallRye(Map.of("articles", Map.of("edges", edges)));
        assertThat(stored.length).isGreaterThan(130_000);
    }

    private static byte[] assertSameAsSmallRye(Map<String, Object> data) {
        ExecutionResult result = ExecutionResult.newExecutionResult().data(data).build();
        byte[] stored = ResponseCache.utf8Json(result);
        byte[] smallRye = new ExecutionResponse(result).getExecutionResultAsString().getBytes(StandardCharsets.UTF_8);
        assertThat(Arrays.equals(stored, smallRye)).as(new String(stored, StandardCharsets.UTF_8)).isTrue();
        return stored;
    }
}
