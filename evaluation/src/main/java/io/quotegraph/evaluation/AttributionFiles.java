package io.quotegraph.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Reads the gold JSONL (the format of the PolNeAR conversion) and prediction JSONL (the format {@code extract} writes). */
public final class AttributionFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AttributionFiles() {
    }

    public static Map<String, List<GoldAttribution>> readGold(Path file) {
        return read(file, AttributionFiles::gold);
    }

    public static Map<String, List<PredictedStatement>> readPredictions(Path file) {
        return read(file, AttributionFiles::predicted);
    }

    private static <T> Map<String, List<T>> read(Path file, Function<JsonNode, T> parser) {
        Map<String, List<T>> byArticle = new LinkedHashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode article;
                try {
                    article = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException(file + ":" + number + ": not JSON: " + e.getOriginalMessage(), e);
                }
                List<T> statements = new ArrayList<>();
                article.path("statements").forEach(s -> statements.add(parser.apply(s)));
                byArticle.put(article.path("id").asText(), statements);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return byArticle;
    }

    private static GoldAttribution gold(JsonNode s) {
        Interval content = new Interval(s.path("contentStart").asInt(), s.path("contentEnd").asInt());
        List<Interval> contentPieces = pieces(s.path("contentSpans"));
        return new GoldAttribution(
                s.path("kind").asText(),
                content,
                contentPieces.isEmpty() ? List.of(content) : contentPieces,
                s.path("speaker").isNull() ? null : s.path("speaker").asText(null),
                pieces(s.path("speakerSpans")),
                pieces(s.path("cueSpans")),
                s.path("speechCue").asBoolean(false));
    }

    private static PredictedStatement predicted(JsonNode s) {
        return new PredictedStatement(
                s.path("kind").asText(),
                interval(s.path("content")),
                interval(s.path("speaker")),
                s.path("speakerName").isTextual() ? s.path("speakerName").asText() : null,
                interval(s.path("cue")),
                s.path("confidence").asDouble(1.0));
    }

    private static Interval interval(JsonNode span) {
        return span.isObject() ? new Interval(span.path("start").asInt(), span.path("end").asInt()) : null;
    }

    private static List<Interval> pieces(JsonNode spans) {
        List<Interval> pieces = new ArrayList<>();
        spans.forEach(pair -> pieces.add(new Interval(pair.get(0).asInt(), pair.get(1).asInt())));
        return pieces;
    }
}
