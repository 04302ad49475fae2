package io.quotegraph.devstack.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The input files of {@code ./quotegraph ingest}: JSON (one article, or an array of them), NDJSON/JSONL (one per line),
 * HTML and plain text (one article per file; the server turns a first-line headline into the title). Directories are
 * walked recursively in name order; other files are skipped.
 * <p>
 * JSON records are mapped onto the ingest API's fields: {@code url} (or {@code link}), {@code source} (or
 * {@code meta.publisher}), {@code title} (or {@code meta.title}), {@code text} / {@code html}, {@code publishedAt}
 * (or {@code published_at}, {@code date}, {@code meta.date}), {@code language}; other fields are dropped. An article
 * without a date gets the file's last-modified time.
 */
public final class ArticleFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    public enum Kind { JSON, NDJSON, HTML, TEXT }

    private final String defaultSource;

    public ArticleFiles(String defaultSource) {
        this.defaultSource = defaultSource;
    }

    public static Kind kindOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
            return Kind.NDJSON;
        }
        if (name.endsWith(".json")) {
            return Kind.JSON;
        }
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return Kind.HTML;
        }
        if (name.endsWith(".txt") || name.endsWith(".text")) {
            return Kind.TEXT;
        }
        return null;
    }

    /** The files to ingest under these paths, in a stable order. */
    public static List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(f -> kindOf(f) != null).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("could not read the directory " + path, e);
                }
            } else if (Files.isRegularFile(path)) {
                if (kindOf(path) == null) {
                    throw new IllegalArgumentException(path + ": not a .json, .ndjson/.jsonl, .html/.htm or .txt file");
                }
                files.add(path);
            } else {
                throw new IllegalArgumentException(path + ": no such file or directory");
            }
        }
        return files.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
    }

    /** How many records the file holds (non-blank lines of NDJSON, elements of a JSON array, else 1). */
    public static long countRecords(Path file) throws IOException {
        Kind kind = kindOf(file);
        if (kind == Kind.NDJSON) {
            try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
                return lines.filter(l -> !l.isBlank()).count();
            }
        }
        if (kind == Kind.JSON) {
            try {
                JsonNode node = JSON.readTree(file.toFile());
                return node != null && node.isArray() ? node.size() : 1;
            } catch (JsonProcessingException e) {
                return 1;
            }
        }
        return 1;
    }

    /** Reads the file's records from {@code skip} on, handing each to {@code sink} in order. */
    public void read(Path file, long skip, Consumer<ArticleRecord> sink) throws IOException {
        String name = file.toString();
        Instant fallbackDate = Files.getLastModifiedTime(file).toInstant();
        switch (kindOf(file)) {
            case NDJSON -> {
                try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    long index = 0;
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        if (line.isBlank()) {
                            continue;
                        }
                        if (index >= skip) {
                            sink.accept(fromJson(name, index, line, fallbackDate));
                        }
                        index++;
                    }
                }
            }
            case JSON -> {
                String content = Files.readString(file, StandardCharsets.UTF_8);
                JsonNode node;
                try {
                    node = JSON.readTree(content);
                } catch (JsonProcessingException e) {
                    if (skip == 0) {
                        sink.accept(new ArticleRecord(name, 0, null, "not valid JSON: " + e.getOriginalMessage()));
                    }
                    return;
                }
                Iterator<JsonNode> records = node != null && node.isArray() ? node.elements() : singleton(node);
                long index = 0;
                while (records.hasNext()) {
                    JsonNode record = records.next();
                    if (index >= skip) {
                        sink.accept(fromJson(name, index, record, fallbackDate));
                    }
                    index++;
                }
            }
            case HTML, TEXT -> {
                if (skip == 0) {
                    String content = Files.readString(file, StandardCharsets.UTF_8);
                    ObjectNode article = JSON.createObjectNode();
                    if (defaultSource != null) {
                        article.put("source", defaultSource);
                    }
                    article.put(kindOf(file) == Kind.HTML ? "html" : "text", content);
                    article.put("publishedAt", fallbackDate.toString());
                    sink.accept(new ArticleRecord(name, 0, article.toString(), null));
                }
            }
        }
    }

    private ArticleRecord fromJson(String file, long index, String line, Instant fallbackDate) {
        try {
            return fromJson(file, index, JSON.readTree(line), fallbackDate);
        } catch (JsonProcessingException e) {
            return new ArticleRecord(file, index, null, "not valid JSON: " + e.getOriginalMessage());
        }
    }

    ArticleRecord fromJson(String file, long index, JsonNode record, Instant fallbackDate) {
        if (record == null || !record.isObject()) {
            return new ArticleRecord(file, index, null, "not a JSON object");
        }
        JsonNode meta = record.path("meta");
        ObjectNode article = JSON.createObjectNode();
        putText(article, "url", first(record, "url", "link"));
        String source = first(record, "source");
        String publisher = meta.path("publisher").isTextual() ? meta.path("publisher").asText() : null;
        putText(article, "source", source != null ? source : publisher != null ? publisher : defaultSource);
        String title = first(record, "title");
        putText(article, "title", title != null ? title : meta.path("title").isTextual() ? meta.path("title").asText() : null);
        putText(article, "text", first(record, "text"));
        putText(article, "html", first(record, "html"));
        String date = first(record, "publishedAt", "published_at", "date");
        if (date == null && meta.path("date").isTextual()) {
            date = meta.path("date").asText();
        }
        Instant publishedAt = date == null ? fallbackDate : parseDate(date);
        if (publishedAt == null) {
            return new ArticleRecord(file, index, null, "unreadable date '" + date + "'");
        }
        article.put("publishedAt", publishedAt.toString());
        putText(article, "language", first(record, "language", "lang"));
        return new ArticleRecord(file, index, article.toString(), null);
    }

    private static String first(JsonNode record, String... names) {
        for (String name : names) {
            JsonNode value = record.get(name);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return null;
    }

    private static void putText(ObjectNode article, String name, String value) {
        if (value != null) {
            article.put(name, value);
        }
    }

    static Instant parseDate(String date) {
        try {
            return OffsetDateTime.parse(date.strip()).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(date.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static Iterator<JsonNode> singleton(JsonNode node) {
        return new Iterator<>() {
            boolean done;

            @Override
            public boolean hasNext() {
                return !done;
            }

            @Override
            public JsonNode next() {
                if (done) {
                    throw new NoSuchElementException();
                }
                done = true;
                return node;
            }
        };
    }
}
