package io.quotegraph.ingest.article.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quotegraph.ingest.jdbc.Jdbc;
import io.quotegraph.model.view.ArticleStatus;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Queries on {@code article}. Callers own the transactions. */
@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<ArticleEntity, UUID> {

    /** Filters of the list endpoint; every field may be null (no filter). */
    public record Filter(String source, Instant from, Instant to, Collection<UUID> ids) {
    }

    /** The listed columns, {@code text} in the fifth place (replaced by NULL where the text is not wanted). */
    private static String listedColumns(boolean withText) {
        return "id, url, source, title, " + (withText ? "text" : "NULL") + ", published_at, language, content_hash, "
                + "status, status_reason, created_at, language_confidence, duplicate_of";
    }

    private static Listed listed(ResultSet rs) throws SQLException {
        return new Listed(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), Jdbc.instant(rs, 6), rs.getString(7), rs.getString(8),
                ArticleStatus.valueOf(rs.getString(9)), rs.getString(10), Jdbc.instant(rs, 11),
                rs.getObject(12, Double.class), rs.getObject(13, UUID.class));
    }

    /**
     * The key of the PostgreSQL advisory lock that {@link #lockForStoring} takes: one for the whole store, shared by
     * every ingest-service instance.
     */
    public static final long STORING_LOCK_KEY = 0x51756f7465L; // "Quote"

    /**
     * Waits until no other transaction stores articles, and holds that until this transaction ends: a batch's
     * duplicate lookups then see every article stored before it, so two near-duplicates (or two copies of one
     * article) in batches in flight at once are found in each other instead of both being stored as originals.
     */
    public void lockForStoring() {
        withConnection(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, STORING_LOCK_KEY);
                lock.execute();
                return null;
            }
        });
    }

    /**
     * The stored articles with one of these URLs or one of these content hashes (both uniquely indexed): what the
     * articles of an ingested batch may duplicate, in one query for the whole batch.
     */
    public List<Listed> findByUrlOrContentHash(Collection<String> urls, Collection<String> contentHashes) {
        return withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + listedColumns(true)
                    + " FROM article WHERE url = ANY (?) OR content_hash = ANY (?)")) {
                select.setArray(1, connection.createArrayOf("text", urls.toArray()));
                // bpchar like the column (char(64)), so that the comparison uses its unique index
                select.setArray(2, connection.createArrayOf("bpchar", contentHashes.toArray()));
                List<Listed> found = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        found.add(listed(rs));
                    }
                }
                return found;
            }
        });
    }

    /**
     * Inserts new articles (without extraction or delivery state) in one JDBC batch, in order (a near-duplicate may
     * refer to an original inserted before it in the same batch).
     */
    public void insertAll(List<ArticleEntity> articles) {
        if (articles.isEmpty()) {
            return;
        }
        withConnection(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO article (id, url, source, title, text, published_at, language, content_hash, status,
                        status_reason, created_at, updated_at, attempts, next_attempt_at, language_confidence,
                        duplicate_of, minhash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (ArticleEntity a : articles) {
                    insert.setObject(1, a.id);
                    insert.setString(2, a.url);
                    insert.setString(3, a.source);
                    insert.setString(4, a.title);
                    insert.setString(5, a.text);
                    insert.setObject(6, Jdbc.timestamp(a.publishedAt));
                    insert.setString(7, a.language);
                    insert.setString(8, a.contentHash);
                    insert.setString(9, a.status.name());
                    insert.setString(10, a.statusReason);
                    insert.setObject(11, Jdbc.timestamp(a.createdAt));
                    insert.setObject(12, Jdbc.timestamp(a.updatedAt));
                    insert.setInt(13, a.attempts);
                    insert.setObject(14, Jdbc.timestamp(a.nextAttemptAt), Types.TIMESTAMP_WITH_TIMEZONE);
                    insert.setObject(15, a.languageConfidence, Types.DOUBLE);
                    insert.setObject(16, a.duplicateOf, Types.OTHER);
                    insert.setArray(17, a.minhash == null ? null
                            : connection.createArrayOf("integer", Arrays.stream(a.minhash).boxed().toArray()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /** The listed columns of an article built in memory (the same values a select would read back). */
    public static Listed listed(ArticleEntity a) {
        return new Listed(a.id, a.url, a.source, a.title, a.text, a.publishedAt, a.language, a.contentHash, a.status,
                a.statusReason, a.createdAt, a.languageConfidence, a.duplicateOf);
    }

    /**
     * A page of the articles' listed columns, newest first: {@link Listed}, without the stored extraction and
     * near-duplicate signature (large, never listed) and, unless {@code withText}, without the text.
     * <p>
     * Plain SQL with the ids as one array parameter ({@code id = ANY (?)}): an HQL {@code id in :ids} is translated
     * again for every list size (Hibernate does not cache the plan of a query with a multi-valued parameter), which
     * made the status polling of clients (a lookup of up to 100 ids several times a second) a fifth of the service's
     * CPU in the ingest benchmark's profile.
     */
    public List<Listed> list(Filter filter, int offset, int limit, boolean withText) {
        Where where = where(filter);
        String sql = "SELECT " + listedColumns(withText) + " FROM article" + where.sql + " ORDER BY published_at DESC, id LIMIT ? OFFSET ?";
        return withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                int next = where.bind(select, connection);
                select.setInt(next, limit);
                select.setInt(next + 1, offset);
                List<Listed> listed = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        listed.add(listed(rs));
                    }
                }
                return listed;
            }
        });
    }

    /** The columns of an article a list shows ({@code text} null when not asked for). */
    public record Listed(UUID id, String url, String source, String title, String text, Instant publishedAt,
                        String language, String contentHash, ArticleStatus status, String statusReason,
                        Instant createdAt, Double languageConfidence, UUID duplicateOf) {
    }

    public long count(Filter filter) {
        Where where = where(filter);
        return withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM article" + where.sql)) {
                where.bind(select, connection);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** The filter as a SQL WHERE clause (empty without conditions) and its parameters, in order. */
    private record Where(String sql, List<Object> parameters) {

        /** Binds the parameters from index 1; the next free index. */
        int bind(PreparedStatement statement, Connection connection) throws SQLException {
            int index = 1;
            for (Object parameter : parameters) {
                if (parameter instanceof Instant instant) {
                    statement.setObject(index++, Jdbc.timestamp(instant));
                } else if (parameter instanceof UUID[] ids) {
                    statement.setArray(index++, connection.createArrayOf("uuid", ids));
                } else {
                    statement.setObject(index++, parameter);
                }
            }
            return index;
        }
    }

    private static Where where(Filter filter) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (filter.source() != null) {
            conditions.add("source = ?");
            parameters.add(filter.source());
        }
        if (filter.from() != null) {
            conditions.add("published_at >= ?");
            parameters.add(filter.from());
        }
        if (filter.to() != null) {
            conditions.add("published_at < ?");
            parameters.add(filter.to());
        }
        if (filter.ids() != null) {
            conditions.add("id = ANY (?)");
            parameters.add(filter.ids().toArray(UUID[]::new));
        }
        return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), parameters);
    }

    private <T> T withConnection(Jdbc.Work<T> work) {
        return Jdbc.withConnection(getEntityManager(), work);
    }

    /**
     * Claims up to {@code max} articles due for processing (not delivered, next attempt due) for this worker: they are
     * locked with {@code FOR UPDATE SKIP LOCKED} (other instances skip them) and their next attempt is moved to
     * {@code leaseUntil}, so that an article whose worker dies is taken up again once the lease ends.
     * Must run in a transaction of its own.
     */
    public List<UUID> claimDue(Instant now, Instant leaseUntil, int max) {
        // plain SQL: HQL's "id in ?" (a list parameter) is translated again on every call
        return withConnection(connection -> {
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT id FROM article
                    WHERE status IN ('PENDING', 'EXTRACTED', 'FAILED') AND next_attempt_at <= ?
                    ORDER BY next_attempt_at, id
                    LIMIT ?
                    FOR UPDATE SKIP LOCKED""")) {
                select.setObject(1, Jdbc.timestamp(now));
                select.setInt(2, max);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            if (!ids.isEmpty()) {
                try (PreparedStatement lease = connection.prepareStatement(
                        "UPDATE article SET next_attempt_at = ? WHERE id = ANY (?)")) {
                    lease.setObject(1, Jdbc.timestamp(leaseUntil));
                    lease.setArray(2, connection.createArrayOf("uuid", ids.toArray()));
                    lease.executeUpdate();
                }
            }
            return ids;
        });
    }

    /**
     * The status and delivery time of the stored articles among these ids (one query, no other column), on the
     * connection given (a single read: no transaction needed).
     */
    public static List<ArticleStatusRow> statuses(Connection connection, Collection<UUID> ids) throws SQLException {
        List<ArticleStatusRow> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, status, delivered_at FROM article WHERE id = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ArticleStatusRow(rs.getObject(1, UUID.class),
                            ArticleStatus.valueOf(rs.getString(2)), Jdbc.instant(rs, 3)));
                }
            }
        }
        return rows;
    }

    /** One row of {@link #statuses}. */
    public record ArticleStatusRow(UUID id, ArticleStatus status, Instant deliveredAt) {
    }
}
