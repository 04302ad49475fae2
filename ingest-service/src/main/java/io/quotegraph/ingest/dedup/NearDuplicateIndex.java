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
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    /** A publication to link to its original: a stored near-duplicate, or an exact copy (duplicateId null). */
    public record Copy(UUID originalId, String url, String source, Instant publishedAt, UUID duplicateId,
                       double similarity) {
    }

    /** One band's hash: the key of {@code article_band}'s lookups. */
    private record BandKey(int band, long hash) {
    }

    /** PostgreSQL's order of uuids (bytewise, unsigned), which ranks equally good candidates. */
    private static final Comparator<UUID> UUID_ORDER = (a, b) -> {
        int most = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return most != 0 ? most : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    /**
     * The stored originals that the texts with these band hashes may duplicate, read in two queries for all of them:
     * each text's {@value #MAX_CANDIDATES} best stored candidates (those sharing the most bands with it, then in uuid
     * order), ranked and cut in SQL so that a crowded bucket costs no more rows than that; then their signatures.
     * Must run in the transaction that stores the batch.
     */
    public Lookup lookup(List<long[]> bandsOfTexts) {
        List<Integer> texts = new ArrayList<>();
        List<Short> bandNumbers = new ArrayList<>();
        List<Long> hashes = new ArrayList<>();
        for (int t = 0; t < bandsOfTexts.size(); t++) {
            long[] bands = bandsOfTexts.get(t);
            for (int b = 0; b < bands.length; b++) {
                texts.add(t);
                bandNumbers.add((short) b);
                hashes.add(bands[b]);
            }
        }
        Map<Bands, Map<UUID, Integer>> stored = new HashMap<>();
        if (texts.isEmpty()) {
            return new Lookup(stored, new HashMap<>());
        }
        return withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT text, article_id, shared FROM (
                        SELECT k.text, b.article_id, count(*) AS shared, row_number() OVER (
                            PARTITION BY k.text ORDER BY count(*) DESC, b.article_id) AS rank
                        FROM unnest(?::int[], ?::smallint[], ?::bigint[]) AS k(text, band, band_hash)
                        JOIN article_band b ON b.band = k.band AND b.band_hash = k.band_hash
                        GROUP BY k.text, b.article_id) ranked
                    WHERE rank <= ?""")) {
                select.setArray(1, connection.createArrayOf("int4", texts.toArray()));
                select.setArray(2, connection.createArrayOf("int2", bandNumbers.toArray()));
                select.setArray(3, connection.createArrayOf("int8", hashes.toArray()));
                select.setInt(4, MAX_CANDIDATES);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        stored.computeIfAbsent(new Bands(bandsOfTexts.get(rs.getInt(1))), k -> new HashMap<>())
                                .put(rs.getObject(2, UUID.class), rs.getInt(3));
                    }
                }
            }
            Lookup lookup = new Lookup(stored, new HashMap<>());
            Set<UUID> candidates = new LinkedHashSet<>();
            stored.values().forEach(shared -> candidates.addAll(shared.keySet()));
            if (!candidates.isEmpty()) {
                try (PreparedStatement select = connection.prepareStatement("SELECT id, minhash FROM article "
                        + "WHERE id = ANY (?) AND duplicate_of IS NULL AND minhash IS NOT NULL")) {
                    select.setArray(1, connection.createArrayOf("uuid", candidates.toArray()));
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            lookup.signatures.put(rs.getObject(1, UUID.class), toIntArray(rs.getArray(2)));
                        }
                    }
                }
            }
            return lookup;
        });
    }

    /** A text's band hashes as a map key (texts with the same bands have the same candidates). */
    private record Bands(long[] hashes) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Bands b && Arrays.equals(hashes, b.hashes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(hashes);
        }
    }

    /**
     * Near-duplicate lookups for the new texts of one batch, in memory: each text's best stored candidates as read
     * by {@link #lookup}, plus the originals stored earlier in the same batch ({@link #addOriginal}), so that a text
     * copying an earlier one of its batch is found as it would be when ingested after it.
     */
    public static final class Lookup {

        /** Per text, its best stored candidates with the number of bands each shares with it. */
        private final Map<Bands, Map<UUID, Integer>> stored;
        /** The band rows of the originals stored earlier in this batch. */
        private final Map<BandKey, List<UUID>> batchByBand = new HashMap<>();
        /** The signatures of the originals that may be compared (duplicates and unsigned articles are not). */
        private final Map<UUID, int[]> signatures;

        private Lookup(Map<Bands, Map<UUID, Integer>> stored, Map<UUID, int[]> signatures) {
            this.stored = stored;
            this.signatures = signatures;
        }

        /**
         * The most similar original at or above the threshold, if any: of the {@value NearDuplicateIndex#MAX_CANDIDATES} originals
         * sharing the most bands with the text (then in uuid order), the one with the highest similarity.
         */
        public Optional<Match> findOriginal(int[] signature, long[] bands) {
            Match best = null;
            for (UUID candidate : candidates(bands)) {
                int[] other = signatures.get(candidate);
                if (other == null) {
                    continue;
                }
                double similarity = MinHash.similarity(signature, other);
                if (similarity >= NEAR_DUPLICATE_SIMILARITY && (best == null || similarity > best.similarity())) {
                    best = new Match(candidate, similarity);
                }
            }
            return Optional.ofNullable(best);
        }

        /** An original stored in this batch: later texts of the batch find it. */
        public void addOriginal(UUID id, int[] signature, long[] bands) {
            signatures.put(id, signature);
            for (int b = 0; b < bands.length; b++) {
                batchByBand.computeIfAbsent(new BandKey(b, bands[b]), k -> new ArrayList<>()).add(id);
            }
        }

        /**
         * The best {@value NearDuplicateIndex#MAX_CANDIDATES} of the text's stored candidates and the batch's
         * originals: the same as ranking all stored band rows, since a stored original outside the text's stored
         * best is outranked by all of them.
         */
        private List<UUID> candidates(long[] bands) {
            Map<UUID, Integer> shared = new HashMap<>(stored.getOrDefault(new Bands(bands), Map.of()));
            for (int b = 0; b < bands.length; b++) {
                for (UUID id : batchByBand.getOrDefault(new BandKey(b, bands[b]), List.of())) {
                    shared.merge(id, 1, Integer::sum);
                }
            }
            return shared.entrySet().stream()
                    .sorted(Map.Entry.<UUID, Integer>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey(UUID_ORDER)))
                    .limit(MAX_CANDIDATES)
                    .map(Map.Entry::getKey)
                    .toList();
        }
    }

    /** Indexes the originals' bands (by article id) so that later copies find them, in one statement. */
    public void indexOriginals(Map<UUID, long[]> bandsByArticle) {
        if (bandsByArticle.isEmpty()) {
            return;
        }
        List<UUID> ids = new ArrayList<>();
        List<Short> bandNumbers = new ArrayList<>();
        List<Long> hashes = new ArrayList<>();
        bandsByArticle.forEach((id, bands) -> {
            for (int b = 0; b < bands.length; b++) {
                ids.add(id);
                bandNumbers.add((short) b);
                hashes.add(bands[b]);
            }
        });
        withConnection(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO article_band (article_id, band, band_hash) "
                            + "SELECT * FROM unnest(?::uuid[], ?::smallint[], ?::bigint[]) ON CONFLICT DO NOTHING")) {
                insert.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                insert.setArray(2, connection.createArrayOf("int2", bandNumbers.toArray()));
                insert.setArray(3, connection.createArrayOf("int8", hashes.toArray()));
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** Links copies to their originals in one JDBC batch, in order (the first link of a URL to an original stays). */
    public void linkCopies(List<Copy> copies) {
        if (copies.isEmpty()) {
            return;
        }
        withConnection(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO article_copy (original_id, url, source, published_at, duplicate_id, similarity, created_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, now()) ON CONFLICT DO NOTHING")) {
                for (Copy copy : copies) {
                    insert.setObject(1, copy.originalId());
                    insert.setString(2, copy.url());
                    insert.setString(3, copy.source());
                    insert.setTimestamp(4, Timestamp.from(copy.publishedAt()));
                    insert.setObject(5, copy.duplicateId(), Types.OTHER);
                    insert.setDouble(6, copy.similarity());
                    insert.addBatch();
                }
                insert.executeBatch();
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
