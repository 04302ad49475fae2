package io.quotegraph.ingest.delivery;

import io.quotegraph.ingest.article.repository.ArticleEntity;
import io.quotegraph.ingest.article.repository.ArticleRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quotegraph.ingest.config.DeliveryConfig;
import io.quotegraph.ingest.jdbc.Jdbc;
import io.quotegraph.model.view.ArticleStatus;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The state changes of extraction and delivery. The worker reads a claimed batch in one transaction and records the
 * outcomes of the whole batch in another ({@link #recordAll}); each change also works in a transaction of its own.
 */
@ApplicationScoped
public class DeliveryService {

    private static final int MAX_REASON_CHARS = 2000;

    @Inject
    ArticleRepository repository;

    @Inject
    DeliveryConfig config;

    @Inject
    MeterRegistry registry;

    private Backoff backoff;
    /** The outcome counters by kind, registered once. */
    private final Map<Outcome.Kind, Counter> counters = new EnumMap<>(Outcome.Kind.class);

    @PostConstruct
    void init() {
        backoff = new Backoff(config.backoffInitial(), config.backoffMax());
        counters.put(Outcome.Kind.DELIVERED, Counter.builder("quotegraph.delivery.delivered")
                .description("Articles delivered to statements-service").register(registry));
        counters.put(Outcome.Kind.FAILED, Counter.builder("quotegraph.delivery.retries")
                .description("Failed extraction or delivery attempts, each scheduling a retry with backoff")
                .register(registry));
        counters.put(Outcome.Kind.REJECTED, Counter.builder("quotegraph.delivery.dead.lettered")
                .description("Articles whose delivery statements-service rejected (4xx), kept FAILED without retry")
                .register(registry));
    }

    /** Claims due articles for this worker (FOR UPDATE SKIP LOCKED, then leased). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<UUID> claimDue(int max) {
        Instant now = now();
        return repository.claimDue(now, now.plus(config.lease()), max);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<DeliveryItem> load(UUID id) {
        return loadAll(List.of(id)).stream().findFirst();
    }

    /** The claimed articles (one query), in the order of {@code ids}; ids no longer stored are left out. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<DeliveryItem> loadAll(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        // plain SQL, no entities: HQL's "id in ?" is translated again on every call, and managed entities would
        // keep a snapshot of every text and extraction for dirty checking
        Map<UUID, DeliveryItem> byId = withConnection(connection -> {
            Map<UUID, DeliveryItem> found = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT id, status, url, source, title, text, published_at, language, extraction, attempts
                    FROM article WHERE id = ANY (?)""")) {
                select.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        UUID id = rs.getObject(1, UUID.class);
                        found.put(id, new DeliveryItem(id, ArticleStatus.valueOf(rs.getString(2)), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), Jdbc.instant(rs, 7),
                                rs.getString(8), rs.getString(9), rs.getInt(10)));
                    }
                }
            }
            return found;
        });
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /**
     * What processing one claimed article came to; {@code extractionJson} is set when it was extracted just now;
     * {@code attemptsBefore} is its attempt count as claimed (the lease keeps others from changing it meanwhile).
     */
    public record Outcome(UUID id, Kind kind, String extractionJson, String extractorVersion, String reason,
                          int attemptsBefore) {
        public enum Kind { DELIVERED, FAILED, REJECTED }
    }

    /**
     * Records the outcomes of a claimed batch in one transaction, one JDBC batch of updates (an article no longer
     * stored updates no row): the extraction made just now is stored; DELIVERED resets the attempts; FAILED counts the
     * attempt and schedules the next one with exponential backoff; REJECTED (dead-lettered) counts the attempt and
     * schedules none, so that the article is never claimed again until {@link #requestRedelivery} queues it. A crash
     * before the commit leaves the batch leased; it is claimed again when the lease ends and redelivered, which
     * statements-service applies idempotently.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordAll(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        Instant now = now();
        withConnection(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE article SET
                        extraction = CASE WHEN ? THEN ?::jsonb ELSE extraction END,
                        extractor_version = CASE WHEN ? THEN ? ELSE extractor_version END,
                        extracted_at = CASE WHEN ? THEN ? ELSE extracted_at END,
                        status = ?, status_reason = ?, attempts = ?, next_attempt_at = ?,
                        last_error = CASE WHEN ? THEN ? ELSE last_error END,
                        delivered_at = COALESCE(?, delivered_at),
                        updated_at = ?
                    WHERE id = ?""")) {
                for (Outcome outcome : outcomes) {
                    boolean extracted = outcome.extractionJson() != null;
                    update.setBoolean(1, extracted);
                    update.setString(2, outcome.extractionJson());
                    update.setBoolean(3, extracted);
                    update.setString(4, outcome.extractorVersion());
                    update.setBoolean(5, extracted);
                    update.setObject(6, Jdbc.timestamp(now));
                    Instant next = null;
                    String reason = null;
                    int attemptsAfter = 0;
                    if (outcome.kind() != Outcome.Kind.DELIVERED) {
                        attemptsAfter = outcome.attemptsBefore() + 1;
                        if (outcome.kind() == Outcome.Kind.FAILED) {
                            next = now.plus(backoff.delayAfter(attemptsAfter));
                            reason = "attempt " + attemptsAfter + " failed: " + outcome.reason() + "; next attempt at "
                                    + next;
                        } else {
                            reason = "rejected, not retried: " + outcome.reason();
                        }
                    }
                    update.setString(7, (outcome.kind() == Outcome.Kind.DELIVERED
                            ? ArticleStatus.DELIVERED : ArticleStatus.FAILED).name());
                    update.setString(8, truncate(reason));
                    update.setInt(9, attemptsAfter);
                    update.setObject(10, Jdbc.timestamp(next), Types.TIMESTAMP_WITH_TIMEZONE);
                    update.setBoolean(11, outcome.kind() != Outcome.Kind.DELIVERED);
                    update.setString(12, truncate(outcome.reason()));
                    update.setObject(13, outcome.kind() == Outcome.Kind.DELIVERED ? Jdbc.timestamp(now) : null,
                            Types.TIMESTAMP_WITH_TIMEZONE);
                    update.setObject(14, Jdbc.timestamp(now));
                    update.setObject(15, outcome.id());
                    update.addBatch();
                }
                update.executeBatch();
            }
            return null;
        });
        for (Outcome outcome : outcomes) {
            counters.get(outcome.kind()).increment();
        }
    }

    /**
     * Queues an article for delivery again, now, with its stored extraction (not re-extracted). statements-service
     * replaces the article's statements, so this is safe at any time.
     *
     * @return false if there is no such article, or it is a DUPLICATE or SKIPPED (never delivered)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean requestRedelivery(UUID id) {
        Optional<ArticleEntity> article = repository.findByIdOptional(id)
                // duplicates and articles in unsupported languages are never delivered
                .filter(a -> a.status != ArticleStatus.DUPLICATE && a.status != ArticleStatus.SKIPPED);
        article.ifPresent(a -> {
            Instant now = now();
            a.status = a.extraction == null ? ArticleStatus.PENDING : ArticleStatus.EXTRACTED;
            a.statusReason = null;
            a.nextAttemptAt = now;
            a.updatedAt = now;
        });
        return article.isPresent();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private <T> T withConnection(Jdbc.Work<T> work) {
        return Jdbc.withConnection(repository.getEntityManager(), work);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= MAX_REASON_CHARS ? s : s.substring(0, MAX_REASON_CHARS) + "…";
    }
}
