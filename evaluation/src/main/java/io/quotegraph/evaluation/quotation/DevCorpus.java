package io.quotegraph.evaluation.quotation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The PolNeAR dev split as the quotation benchmarks read it: article texts and gold statements with speakers. */
final class DevCorpus {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A gold statement's content and its speaker text (null when the annotation has none). */
    record GoldStatement(String articleId, String content, String speaker) {
    }

    final Map<String, String> texts = new LinkedHashMap<>();
    final List<GoldStatement> statements = new ArrayList<>();

    static DevCorpus read(Path corpus) throws IOException {
        DevCorpus dev = new DevCorpus();
        try (BufferedReader reader = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode article = JSON.readTree(line);
                String id = article.path("id").asText();
                dev.texts.put(id, article.path("text").asText());
                for (JsonNode statement : article.path("statements")) {
                    JsonNode speaker = statement.path("speaker");
                    dev.statements.add(new GoldStatement(id, statement.path("content").asText(),
                            speaker.isTextual() ? speaker.asText() : null));
                }
            }
        }
        return dev;
    }

    /** The text between two code-point offsets of an article (the corpus counts code points). */
    String slice(String articleId, int start, int end) {
        String text = texts.get(articleId);
        if (text == null) {
            throw new IllegalArgumentException("article '" + articleId + "' is not in the corpus");
        }
        return text.substring(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0, end));
    }
}
