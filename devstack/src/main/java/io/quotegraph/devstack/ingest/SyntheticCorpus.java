package io.quotegraph.devstack.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A corpus of ingest-API articles (NDJSON) of any size built from a JSONL corpus ({id, text, meta:{publisher, date,
 * title}} per line): its own articles first, then synthetic ones mixing 6 to 14 of its paragraphs (new urls, dates and
 * paragraph mixes, so that near-duplicate detection does not swallow them). Deterministic for a seed.
 */
public final class SyntheticCorpus {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SyntheticCorpus() {
    }

    /** @return the number of articles written: {@code articles} */
    public static int write(Path corpus, int articles, long seed, Path out) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        try (Stream<String> lines = Files.lines(corpus, StandardCharsets.UTF_8)) {
            for (String line : (Iterable<String>) lines.filter(l -> !l.isBlank())::iterator) {
                records.add(JSON.readTree(line));
            }
        }
        List<String> paragraphs = new ArrayList<>();
        List<String> publishers = new ArrayList<>();
        for (JsonNode record : records) {
            for (String paragraph : record.path("text").asText().split("\n\\s*\n")) {
                if (paragraph.strip().length() >= 80) {
                    paragraphs.add(paragraph.strip());
                }
            }
            publishers.add(record.path("meta").path("publisher").asText("unknown"));
        }
        Random random = new Random(seed);
        Instant base = Instant.parse("2024-01-01T00:00:00Z");
        int count = 0;
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (JsonNode record : records) {
                if (count >= articles) {
                    break;
                }
                ObjectNode article = JSON.createObjectNode();
                article.put("url", "https://bench.example/dev/" + record.path("id").asText());
                article.put("source", record.path("meta").path("publisher").asText("unknown"));
                if (record.path("meta").path("title").isTextual()) {
                    article.put("title", record.path("meta").path("title").asText());
                }
                article.put("text", record.path("text").asText());
                String date = record.path("meta").path("date").asText("");
                article.put("publishedAt", date.isEmpty() ? base.toString()
                        : LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant().toString());
                article.put("language", "en");
                writer.write(article.toString());
                writer.newLine();
                count++;
            }
            for (int i = 0; count < articles; i++, count++) {
                // 6 to 14 paragraphs from anywhere in the corpus: realistic prose and statements, unlike any one article
                int n = 6 + random.nextInt(9);
                StringBuilder text = new StringBuilder();
                for (int p = 0; p < n; p++) {
                    text.append(p == 0 ? "" : "\n\n").append(paragraphs.get(random.nextInt(paragraphs.size())));
                }
                ObjectNode article = JSON.createObjectNode();
                article.put("url", "https://bench.example/synthetic/" + seed + "/" + i);
                article.put("source", publishers.get(random.nextInt(publishers.size())));
                article.put("title", "Synthetic article " + i);
                article.put("text", text.toString());
                article.put("publishedAt", base.plusSeconds(60L * i).toString());
                writer.write(article.toString());
                writer.newLine();
            }
        }
        return count;
    }

    /**
     * Splits an NDJSON corpus: its first {@code firstLines} lines to {@code first}, the others to {@code rest} (e.g. a
     * benchmark's warm-up articles and its measured ones, which then share no article).
     *
     * @return the lines written to {@code rest}
     */
    public static long split(Path corpus, long firstLines, Path first, Path rest) throws IOException {
        long restLines = 0;
        try (BufferedReader reader = Files.newBufferedReader(corpus, StandardCharsets.UTF_8);
             BufferedWriter head = Files.newBufferedWriter(first, StandardCharsets.UTF_8);
             BufferedWriter tail = Files.newBufferedWriter(rest, StandardCharsets.UTF_8)) {
            long n = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine(), n++) {
                BufferedWriter to = n < firstLines ? head : tail;
                to.write(line);
                to.newLine();
                if (to == tail) {
                    restLines++;
                }
            }
        }
        return restLines;
    }
}
