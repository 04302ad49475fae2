package io.quotegraph.ingest.delivery;

import io.quotegraph.ingest.article.repository.ArticleEntity;
import io.quotegraph.ingest.article.repository.ArticleRepository;
import io.quotegraph.ingest.config.DeliveryConfig;
import io.quotegraph.model.view.ArticleStatus;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

    private Backoff backoff;

    @PostConstruct
    void init() {
        backoff = new Backoff(config.backoffInitial(), config.backoffMax());
    }

    /** Claims due articles for this worker (FOR UPDATE SKIP LOCKED, then leased). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<UUID> claimDue(int max) {
        Instant now = now();
        return repository.claimDue(now, now.plus(config.lease()), max);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<DeliveryItem> load(UUID id) {
        return repository.findByIdOptional(id).map(DeliveryService::item);
    }

    /** The claimed articles (one query), in the order of {@code ids}; ids no longer stored are left out. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<DeliveryItem> loadAll(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, DeliveryItem> byId = new HashMap<>();
        repository.list("id in ?1", ids).forEach(a -> byId.put(a.id, item(a)));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private static DeliveryItem item(ArticleEntity a) {
        return new DeliveryItem(a.id, a.status, a.url, a.source, a.title, a.text, a.publishedAt, a.language,
                a.extraction, a.attempts);
    }

    /** What processing one claimed article came to; {@code extractionJson} is set when it was extracted just now. */
    public record Outcome(UUID id, Kind kind, String extractionJson, String extractorVersion, String reason) {
        public enum Kind { DELIVERED, FAILED, REJECTED }
    }

    /**
     * Records the outcomes of a claimed batch in one transaction: the articles are read in one query (the changes
     * below then find them in the persistence context) and only changed columns are written. A crash before the
     * commit leaves the batch leased; it is claimed again when the lease ends and redelivered, which
     * statements-service applies idempotently.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordAll(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        repository.list("id in ?1", outcomes.stream().map(Outcome::id).toList());
        for (Outcome outcome : outcomes) {
            if (outcome.extractionJson() != null) {
                storeExtraction(outcome.id(), outcome.extractionJson(), outcome.extractorVersion());
            }
            switch (outcome.kind()) {
                case DELIVERED -> markDelivered(outcome.id());
                case FAILED -> markFailed(outcome.id(), outcome.reason());
                case REJECTED -> markRejected(outcome.id(), outcome.reason());
            }
        }
    }

    // REQUIRED: on its own in a transaction of its own, within recordAll part of the batch's
    @Transactional
    public void storeExtraction(UUID id, String json, String extractorVersion) {
        repository.findByIdOptional(id).ifPresent(a -> {
            Instant now = now();
            a.extraction = json;
            a.extractorVersion = extractorVersion;
            a.extractedAt = now;
            a.status = ArticleStatus.EXTRACTED;
            a.statusReason = null;
            a.updatedAt = now;
        });
    }

    @Transactional
    @io.micrometer.core.annotation.Counted(value = "quotegraph.delivery.delivered", description = "Articles delivered to statements-service")
    public void markDelivered(UUID id) {
        repository.findByIdOptional(id).ifPresent(a -> {
            Instant now = now();
            a.status = ArticleStatus.DELIVERED;
            a.statusReason = null;
            a.attempts = 0;
            a.nextAttemptAt = null;
            a.deliveredAt = now;
            a.updatedAt = now;
        });
    }

    /** Records a failed attempt and schedules the next one with exponential backoff. */
    @Transactional
    @io.micrometer.core.annotation.Counted(value = "quotegraph.delivery.retries", description = "Failed extraction or delivery attempts, each scheduling a retry with backoff")
    public void markFailed(UUID id, String error) {
        repository.findByIdOptional(id).ifPresent(a -> {
            Instant now = now();
            a.attempts++;
            Duration delay = backoff.delayAfter(a.attempts);
            a.status = ArticleStatus.FAILED;
            a.nextAttemptAt = now.plus(delay);
            a.lastError = truncate(error);
            a.statusReason = truncate("attempt " + a.attempts + " failed: " + error + "; next attempt at " + a.nextAttemptAt);
            a.updatedAt = now;
        });
    }

    /**
     * Dead-letters an article whose delivery statements-service rejected (a 4xx answer: the same payload would be
     * rejected again): FAILED with the answer recorded and no next attempt, so that it is never claimed again until
     * {@link #requestRedelivery} queues it.
     */
    @Transactional
    @io.micrometer.core.annotation.Counted(value = "quotegraph.delivery.dead.lettered", description = "Articles whose delivery statements-service rejected (4xx), kept FAILED without retry")
    public void markRejected(UUID id, String problem) {
        repository.findByIdOptional(id).ifPresent(a -> {
            Instant now = now();
            a.attempts++;
            a.status = ArticleStatus.FAILED;
            a.nextAttemptAt = null;
            a.lastError = truncate(problem);
            a.statusReason = truncate("rejected, not retried: " + problem);
            a.updatedAt = now;
        });
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

    private static String truncate(String s) {
        return s == null || s.length() <= MAX_REASON_CHARS ? s : s.substring(0, MAX_REASON_CHARS) + "…";
    }
}
