package io.quotegraph.ingest.dedup;

import io.quotegraph.ingest.jdbc.Jdbc;
import io.quotegraph.model.view.PublishedCopy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The near-duplicate index in PostgreSQL: LSH band hashes of the originals' MinHash signatures ({@code article_band},
 * looked up through its primary key) and the copies linked to an original ({@code article_copy}).
 * Callers own the transaction.
 */
@ApplicationScoped
public class NearDuplicateIndex {

    /** A stored original whose signature is at least {@link #NEAR_DUPLICATE_SIMILARITY} like a new text's. */
    public record Match(UUID originalId, double similarity) {
    }

    /**
     * Estimated Jaccard similarity of 5-word shingles from which a text republishes another: a wire story with a new
     * headline, byline, a changed sentence or an added paragraph stays above it; two stories on the same topic are far
     * below (typically under 0.1).
     */
    public static final double NEAR_DUPLICATE_SIMILARITY = 0.7;
    /** Candidates checked per lookup, those sharing the most bands first: bounds the cost of a crowded bucket. */
    static final int MAX_CANDIDATES = 20;

    @Inject
    EntityManager entityManager;

    /** The most similar original at or above the threshold, if any. */
    public Optional<Match> findOriginal(int[] signature) {
        long[] bands = MinHash.bandHashes(signature);
        return withConnection(connection -> {
            List<UUID> candidates = new ArrayList<>();
            StringBuilder sql = new StringBuilder("SELECT article_id FROM article_band WHERE (band, band_hash) IN (");
            for (int b = 0; b < bands.length; b++) {
                sql.append(b == 0 ? "" : ",").append("(?,?)");
            }
            sql.append(") GROUP BY article_id ORDER BY count(*) DESC, article_id LIMIT ").append(MAX_CANDIDATES);
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                for (int b = 0; b < bands.length; b++) {
                    select.setShort(2 * b + 1, (short) b);
                    select.setLong(2 * b + 2, bands[b]);
                }
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            if (candidates.isEmpty()) {
                return Optional.<Match>empty();
            }
            Match best = null;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, minhash FROM article WHERE id = ANY (?) AND duplicate_of IS NULL AND minhash IS NOT NULL")) {
                select.setArray(1, connection.createArrayOf("uuid", candidates.toArray()));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        int[] other = toIntArray(rs.getArray(2));
                        double similarity = MinHash.similarity(signature, other);
                        if (similarity >= NEAR_DUPLICATE_SIMILARITY && (best == null || similarity > best.similarity())) {
                            best = new Match(rs.getObject(1, UUID.class), similarity);
                        }
                    }
                }
            }
            return Optional.ofNullable(best);
        });
    }

    /** Indexes an original's bands so that later copies find it. */
    public void indexOriginal(UUID articleId, int[] signature) {
        long[] bands = MinHash.bandHashes(signature);
        withConnection(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO article_band (band, band_hash, article_id) SELECT g.b - 1, h.hash, ? "
                            + "FROM unnest(?::bigint[]) WITH ORDINALITY AS h(hash, b) JOIN generate_series(1, ?) g(b) ON g.b = h.b "
                            + "ON CONFLICT DO NOTHING")) {
                insert.setObject(1, articleId);
                Long[] boxed = new Long[bands.length];
                for (int i = 0; i < bands.length; i++) {
                    boxed[i] = bands[i];
                }
                insert.setArray(2, connection.createArrayOf("bigint", boxed));
                insert.setInt(3, bands.length);
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** Links a copy (stored near-duplicate, or exact copy under another URL when duplicateId is null) to its original. */
    public void linkCopy(UUID originalId, String url, String source, Instant publishedAt, UUID duplicateId, double similarity) {
        withConnection(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO article_copy (original_id, url, source, published_at, duplicate_id, similarity, created_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, now()) ON CONFLICT DO NOTHING")) {
                insert.setObject(1, originalId);
                insert.setString(2, url);
                insert.setString(3, source);
                insert.setTimestamp(4, Timestamp.from(publishedAt));
                insert.setObject(5, duplicateId);
                insert.setDouble(6, similarity);
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** The copies of each of these originals, oldest publication first. */
    public Map<UUID, List<PublishedCopy>> copiesOf(Collection<UUID> originalIds) {
        Map<UUID, List<PublishedCopy>> copies = new HashMap<>();
        if (originalIds.isEmpty()) {
            return copies;
        }
        return withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT original_id, duplicate_id, source, url, published_at FROM article_copy "
                            + "WHERE original_id = ANY (?) ORDER BY published_at, url")) {
                select.setArray(1, connection.createArrayOf("uuid", originalIds.toArray()));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        UUID duplicateId = rs.getObject(2, UUID.class);
                        copies.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new PublishedCopy(
                                duplicateId == null ? null : duplicateId.toString(), rs.getString(3), rs.getString(4),
                                rs.getTimestamp(5).toInstant()));
                    }
                }
            }
            return copies;
        });
    }

    private static int[] toIntArray(Array array) throws SQLException {
        Object values = array.getArray();
        if (values instanceof Integer[] boxed) {
            int[] ints = new int[boxed.length];
            for (int i = 0; i < boxed.length; i++) {
                ints[i] = boxed[i];
            }
            return ints;
        }
        return (int[]) values;
    }

    private <T> T withConnection(Jdbc.Work<T> work) {
        return Jdbc.withConnection(entityManager, work);
    }
}
