package io.quotegraph.ingest.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.ingest.support.IngestTestResources;
import io.quotegraph.ingest.support.Resources;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static io.quotegraph.ingest.support.Articles.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch request stores exactly what the same articles sent one per request store: the same rows, near-duplicate
 * bands and copy links, and the same result lines, including duplicates of earlier lines of the same batch.
 */
@QuarkusTest
@WithTestResource(IngestTestResources.class)
class BatchEquivalenceTest {

    private static final String NDJSON = "application/x-ndjson";
    private final ObjectMapper mapper = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aBatchStoresWhatOneByOneIngestionStores() throws Exception {
        String marker = unique();
        String paragraph = Resources.randomParagraph(200);
        String wire = Resources.text("/dedup/wire-original.txt") + "\n" + paragraph;
        String republished = Resources.text("/dedup/wire-republished.txt") + "\n" + paragraph;
        String other = Resources.text("/dedup/same-topic-other-story.txt") + "\n" + Resources.randomParagraph(200);
        String storedBefore = Resources.randomParagraph(150) + "\n" + Resources.randomParagraph(150);
        String storedBeforeUrl = "https://before.example/" + marker;
        post(List.of(line(storedBeforeUrl, "Before", storedBefore, "en")));

        List<String> lines = List.of(
                line("https://wire.example/" + marker, "Wire", wire, "en"),              // accepted
                line("https://daily.example/" + marker, "Daily", republished, "en"),     // near-duplicate of line 1
                line("https://herald.example/" + marker, "Herald", wire, "en"),          // same text as line 1
                line("https://wire.example/" + marker, "Wire", other, "en"),             // same url as line 1
                line("https://mirror.example/" + marker, "Mirror", republished, "en"),   // same text as line 2
                line("https://other.example/" + marker, "Other", other, null),           // accepted (detected)
                "{\"url\": \"https://bad.example/" + marker + "\", \"text\": \"no date\"}", // rejected
                line("https://french.example/" + marker, "Presse", Resources.randomParagraph(60), "fr"), // skipped
                line("https://copy.example/" + marker, "Copy", storedBefore + "\nOne added sentence here.", "en"),
                line(storedBeforeUrl, "Before", Resources.randomParagraph(80), "en"),     // same url as stored
                line("https://again.example/" + marker, "Again", storedBefore, "en"));    // same text as stored

        List<JsonNode> oneByOne = new ArrayList<>();
        for (String line : lines) {
            oneByOne.addAll(post(List.of(line)));
        }
        Snapshot first = snapshot(marker);
        delete(first, marker);

        List<JsonNode> batch = post(lines);
        Snapshot second = snapshot(marker);

        assertThat(first.articles()).hasSize(6); // the one stored before, and lines 1, 2, 6, 8 and 9
        assertThat(second.articles()).isEqualTo(first.articles());
        assertThat(second.bands()).isEqualTo(first.bands());
        assertThat(second.copies()).isEqualTo(first.copies());
        assertThat(results(batch, second)).isEqualTo(results(oneByOne, first));
        assertThat(results(batch, second)).extracting(r -> r.split(" ", 2)[0]).containsExactly(
                "accepted", "duplicate", "duplicate", "duplicate", "duplicate", "accepted", "rejected", "accepted",
                "duplicate", "duplicate", "duplicate");
    }

    /** The stored state of this test's articles, with ids replaced by content hashes (ids are random per run). */
    private record Snapshot(Map<String, String> idToHash, List<String> articles, List<String> bands,
                            List<String> copies) {
    }

    private Snapshot snapshot(String marker) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            Map<String, String> idToHash = new LinkedHashMap<>();
            List<Map<String, Object>> rows = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT id::text, url, source, title, text, published_at::text, language, language_confidence,
                           content_hash, status, status_reason, duplicate_of::text, minhash::text
                    FROM article WHERE url LIKE ? OR url LIKE ? ORDER BY content_hash""")) {
                select.setString(1, "%/" + marker);
                select.setString(2, "%/" + marker + "-%");
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int c = 2; c <= 13; c++) {
                            row.put(rs.getMetaData().getColumnName(c), rs.getObject(c));
                        }
                        idToHash.put(rs.getString(1), rs.getString("content_hash"));
                        rows.add(row);
                    }
                }
            }
            List<String> articles = new ArrayList<>();
            for (Map<String, Object> row : rows) {
                // the delivery worker moves new articles on (PENDING, EXTRACTED, DELIVERED): what ingestion stored is
                // "to deliver"
                Object status = row.get("status");
                if (List.of("PENDING", "EXTRACTED", "DELIVERED", "FAILED").contains(status)) {
                    row.put("status", "to deliver");
                    row.remove("status_reason");
                }
                articles.add(replaceIds(row.toString(), idToHash));
            }
            TreeSet<String> bands = new TreeSet<>();
            TreeSet<String> copies = new TreeSet<>();
            String[] ids = idToHash.keySet().toArray(String[]::new);
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT article_id::text, band, band_hash FROM article_band WHERE article_id::text = ANY (?)")) {
                select.setArray(1, connection.createArrayOf("text", ids));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        bands.add(idToHash.get(rs.getString(1)) + " " + rs.getShort(2) + " " + rs.getLong(3));
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT original_id::text, url, source, published_at::text, duplicate_id::text, similarity
                    FROM article_copy WHERE url LIKE ? OR original_id::text = ANY (?)""")) {
                select.setString(1, "%/" + marker);
                select.setArray(2, connection.createArrayOf("text", ids));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        copies.add(replaceIds(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                                + rs.getString(4) + " " + rs.getString(5) + " " + rs.getDouble(6), idToHash));
                    }
                }
            }
            return new Snapshot(idToHash, articles, List.copyOf(bands), List.copyOf(copies));
        }
    }

    /** Removes what the first run stored except the article stored before it, so that the batch meets the same state. */
    private void delete(Snapshot snapshot, String marker) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM article_copy WHERE url LIKE ?")) {
                delete.setString(1, "%/" + marker);
                delete.executeUpdate();
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM article WHERE id::text = ANY (?) AND url <> ?")) {
                delete.setArray(1, connection.createArrayOf("text", snapshot.idToHash().keySet().toArray()));
                delete.setString(2, "https://before.example/" + marker);
                delete.executeUpdate();
            }
        }
    }

    /** The result lines with ids replaced by the stored articles' content hashes. */
    private static List<String> results(List<JsonNode> lines, Snapshot snapshot) {
        return lines.stream().map(r -> replaceIds(r.get("status").asText() + " " + r.path("id").asText("-") + " "
                + r.path("reason").asText("-"), snapshot.idToHash())).toList();
    }

    private static String replaceIds(String text, Map<String, String> idToHash) {
        String replaced = text;
        for (Map.Entry<String, String> id : idToHash.entrySet()) {
            replaced = replaced.replace(id.getKey(), "#" + id.getValue().substring(0, 12));
        }
        return replaced;
    }

    private String line(String url, String source, String text, String language) throws Exception {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("url", url);
        article.put("source", source);
        article.put("publishedAt", "2024-02-06T08:00:00Z");
        if (language != null) {
            article.put("language", language);
        }
        article.put("text", text);
        return mapper.writeValueAsString(article);
    }

    private List<JsonNode> post(List<String> lines) throws Exception {
        String answer = given().contentType(NDJSON).body((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8))
                .post("/articles/batch").then().statusCode(200).extract().asString();
        List<JsonNode> results = new ArrayList<>();
        for (String l : answer.split("\n")) {
            if (!l.isBlank()) {
                results.add(mapper.readTree(l));
            }
        }
        return results;
    }
}
