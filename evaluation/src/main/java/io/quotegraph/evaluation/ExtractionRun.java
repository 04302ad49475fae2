package io.quotegraph.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quotegraph.extraction.StatementExtractor;
import io.quotegraph.model.ArticleSpeaker;
import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.Extraction;
import io.quotegraph.model.Span;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs the extractor over a JSONL file of articles ({@code {"id","text","publishedAt"?}}) and writes one JSONL line
 * of predictions per article, with offsets in Unicode code points as the gold files count them.
 */
public final class ExtractionRun {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long PROGRESS_INTERVAL_NANOS = 2_000_000_000L;

    private final StatementExtractor extractor;
    private final PrintStream progress;

    public ExtractionRun(StatementExtractor extractor, PrintStream progress) {
        this.extractor = extractor;
        this.progress = progress;
    }

    public RunStats run(Path input, Path output) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ProcessMemory.resetPeakHeap();
        long startNanos = System.nanoTime();
        long startCpu = threads.getCurrentThreadCpuTime();
        long lastProgress = startNanos;
        int articles = 0;
        long bytes = 0;
        try (BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8);
             BufferedWriter writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode article = parse(line, input, number);
                String text = article.path("text").asText("");
                Extraction extraction = extractor.extract(text, publishedAt(article));
                writer.write(JSON.writeValueAsString(toJson(article.path("id").asText(), text, extraction)));
                writer.newLine();
                articles++;
                bytes += text.getBytes(StandardCharsets.UTF_8).length;
                if (System.nanoTime() - lastProgress > PROGRESS_INTERVAL_NANOS) {
                    lastProgress = System.nanoTime();
                    progress.printf("extract: %d articles, %.1f MB%n", articles, bytes / 1e6);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - startCpu) / 1e9;
        RunStats stats = new RunStats("quotegraph " + extractor.version(), articles, bytes / 1e6, seconds, cpuSeconds,
                ProcessMemory.peakHeapMegabytes(), ProcessMemory.peakRssMegabytes(), 0);
        writeStats(output, stats);
        return stats;
    }

    /** The stats file that {@code eval} reads beside a prediction file. */
    public static Path statsFile(Path predictions) {
        return predictions.resolveSibling(predictions.getFileName() + ".stats.json");
    }

    public static RunStats readStats(Path predictions) {
        Path file = statsFile(predictions);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return JSON.readValue(file.toFile(), RunStats.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static void writeStats(Path output, RunStats stats) {
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(statsFile(output).toFile(), stats);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private static JsonNode parse(String line, Path input, int number) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalArgumentException(input + ":" + number + ": not JSON: " + e.getMessage(), e);
        }
    }

    private static Instant publishedAt(JsonNode article) {
        String value = article.path("publishedAt").asText(null);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static ObjectNode toJson(String id, String text, Extraction extraction) {
        Map<String, ArticleSpeaker> speakers = extraction.speakers().stream()
                .collect(Collectors.toMap(ArticleSpeaker::key, Function.identity()));
        ObjectNode article = JSON.createObjectNode().put("id", id);
        ArrayNode statements = article.putArray("statements");
        for (ExtractedStatement statement : extraction.statements()) {
            ObjectNode json = statements.addObject();
            json.put("kind", statement.kind().name().toLowerCase(Locale.ROOT));
            json.set("content", span(text, statement.content()));
            json.set("speaker", span(text, statement.speakerMention()));
            ArticleSpeaker speaker = statement.speakerKey() == null ? null : speakers.get(statement.speakerKey());
            json.put("speakerName", speaker == null ? null : speaker.name());
            json.set("cue", span(text, statement.cue()));
            json.put("confidence", statement.confidence());
        }
        return article;
    }

    private static JsonNode span(String text, Span span) {
        if (span == null) {
            return JSON.nullNode();
        }
        return JSON.createObjectNode()
                .put("start", text.codePointCount(0, span.start()))
                .put("end", text.codePointCount(0, span.end()))
                .put("text", span.text());
    }
}
