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
     * The stored originals that the texts with these band hashes may duplicate, read in two queries for all of them
     * (the band rows, then the signatures of each text's best candidates). Must run in the transaction that stores
     * the batch.
     */
    public Lookup lookup(List<long[]> bandsOfTexts) {
        Set<BandKey> keys = new LinkedHashSet<>();
        for (long[] bands : bandsOfTexts) {
            for (int b = 0; b < bands.length; b++) {
                keys.add(new BandKey(b, bands[b]));
            }
        }
        if (keys.isEmpty()) {
            return new Lookup(Map.of(), new HashMap<>());
        }
        return withConnection(connection -> {
            Map<BandKey, List<UUID>> stored = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT b.band, b.band_hash, b.article_id "
                    + "FROM unnest(?::smallint[], ?::bigint[]) AS k(band, band_hash) "
                    + "JOIN article_band b ON b.band = k.band AND b.band_hash = k.band_hash")) {
                select.setArray(1, connection.createArrayOf("int2", keys.stream().map(k -> (short) k.band()).toArray()));
                select.setArray(2, connection.createArrayOf("int8", keys.stream().map(BandKey::hash).toArray()));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        stored.computeIfAbsent(new BandKey(rs.getShort(1), rs.getLong(2)), k -> new ArrayList<>())
                                .add(rs.getObject(3, UUID.class));
                    }
                }
            }
            Lookup lookup = new Lookup(stored, new HashMap<>());
            // a text's best stored candidates stay its best when originals of the batch join them, so only their
            // signatures are ever compared
            Set<UUID> candidates = new LinkedHashSet<>();
            for (long[] bands : bandsOfTexts) {
                candidates.addAll(lookup.candidates(bands));
            }
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

    /**
     * Near-duplicate lookups for the new texts of one batch, in memory: the stored originals as read by
     * {@link #lookup}, plus the originals stored earlier in the same batch ({@link #addOriginal}), so that a text
     * copying an earlier one of its batch is found as it would be when ingested after it.
     */
    public static final class Lookup {

        private final Map<BandKey, List<UUID>> byBand;
        /** The signatures of the originals that may be compared (duplicates and unsigned articles are not). */
        private final Map<UUID, int[]> signatures;

        private Lookup(Map<BandKey, List<UUID>> stored, Map<UUID, int[]> signatures) {
            this.byBand = new HashMap<>(stored);
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
                byBand.computeIfAbsent(new BandKey(b, bands[b]), k -> new ArrayList<>()).add(id);
            }
        }

        private List<UUID> candidates(long[] bands) {
            Map<UUID, Integer> shared = new HashMap<>();
            for (int b = 0; b < bands.length; b++) {
                for (UUID id : byBand.getOrDefault(new BandKey(b, bands[b]), List.of())) {
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
