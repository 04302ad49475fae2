package io.quotegraph.devstack;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Ingests the article JSON files of a folder through the ingest API and waits until their statements are queryable. */
public final class SampleLoader {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);

    private final JsonHttp http = new JsonHttp();
    private final String ingestUrl;

    public SampleLoader(String ingestUrl) {
        this.ingestUrl = ingestUrl;
    }

    /** @return the ids of the articles, in file name order */
    public List<String> load(Path folder) {
        List<String> ids = new ArrayList<>();
        for (Path file : articleFiles(folder)) {
            JsonHttp.Reply reply = http.post(ingestUrl + "/articles", "application/json", read(file));
            if (reply.status() != 201 && reply.status() != 200) {
                throw new IllegalStateException(file.getFileName() + " was rejected: " + reply.status() + " " + reply.body());
            }
            ids.add(reply.body().path("id").asText());
        }
        return ids;
    }

    /** Waits until every article is DELIVERED; fails with the article's reason if one stays FAILED past the timeout. */
    public void awaitDelivered(List<String> articleIds) {
        Instant deadline = Instant.now().plus(DELIVERY_TIMEOUT);
        for (String id : articleIds) {
            JsonNode article = http.get(ingestUrl + "/articles/" + id).body();
            while (!"DELIVERED".equals(article.path("status").asText())) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("article " + id + " not delivered: " + article.path("status").asText()
                            + " " + article.path("statusReason").asText(""));
                }
                ServiceProcess.sleep(Duration.ofMillis(200));
                article = http.get(ingestUrl + "/articles/" + id).body();
            }
        }
    }

    private static List<Path> articleFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
