package io.quotegraph.ingest.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quotegraph.model.view.ArticleStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The delivery backlog as gauges: {@code quotegraph_delivery_backlog_articles{status}} (articles still owned by the
 * delivery worker: PENDING, EXTRACTED, FAILED) and {@code quotegraph_delivery_backlog_oldest_seconds} (age of the
 * oldest of them; 0 when there is none). A growing oldest age is the signal that delivery is stuck.
 * <p>
 * The counts come from one grouped query every {@code ingest.metrics.backlog-refresh}, not from each scrape, so that
 * Prometheus never waits for PostgreSQL; its predicate is the one of the partial index {@code article_due_idx}, so
 * its cost follows the backlog, not the table. Every instance reports the same shared backlog: dashboards take the
 * max over instances, never the sum.
 */
@ApplicationScoped
public class DeliveryBacklogMetrics {

    static final List<ArticleStatus> QUEUED = List.of(ArticleStatus.PENDING, ArticleStatus.EXTRACTED, ArticleStatus.FAILED);

    private static final Logger LOG = Logger.getLogger(DeliveryBacklogMetrics.class);

    @Inject
    MeterRegistry registry;

    @Inject
    EntityManager entityManager;

    private final Map<ArticleStatus, AtomicLong> counts = new EnumMap<>(ArticleStatus.class);
    private final AtomicLong oldestSeconds = new AtomicLong();
    private Counter refreshFailures;

    void onStart(@Observes StartupEvent event) {
        for (ArticleStatus status : QUEUED) {
            AtomicLong count = counts.computeIfAbsent(status, s -> new AtomicLong());
            Gauge.builder("quotegraph.delivery.backlog", count, AtomicLong::get)
                    .description("Articles not yet delivered to statements-service, by status")
                    .baseUnit("articles")
                    .tag("status", status.name())
                    .register(registry);
        }
        Gauge.builder("quotegraph.delivery.backlog.oldest", oldestSeconds, AtomicLong::get)
                .description("Age of the oldest article not yet delivered (0 when the backlog is empty)")
                .baseUnit("seconds")
                .register(registry);
        refreshFailures = Counter.builder("quotegraph.delivery.backlog.refresh.failures")
                .description("Backlog refreshes that could not query PostgreSQL (the gauges keep their last values)")
                .register(registry);
        refresh();
    }

    @Scheduled(every = "${ingest.metrics.backlog-refresh:15s}", delayed = "${ingest.metrics.backlog-refresh:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRefresh() {
        refresh();
    }

    /** Recomputes the gauges now; a database failure keeps the last values and is counted. */
    public void refresh() {
        try {
            List<Object[]> rows = QuarkusTransaction.requiringNew().call(this::query);
            Map<ArticleStatus, Long> fresh = new EnumMap<>(ArticleStatus.class);
            Instant oldest = null;
            for (Object[] row : rows) {
                fresh.put(ArticleStatus.valueOf((String) row[0]), ((Number) row[1]).longValue());
                Instant created = toInstant(row[2]);
                if (created != null && (oldest == null || created.isBefore(oldest))) {
                    oldest = created;
                }
            }
            for (ArticleStatus status : QUEUED) {
                counts.get(status).set(fresh.getOrDefault(status, 0L));
            }
            oldestSeconds.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest, Instant.now()).toSeconds()));
        } catch (RuntimeException e) {
            if (refreshFailures != null) {
                refreshFailures.increment();
            }
            LOG.warnf("delivery backlog metrics not refreshed: %s", e.toString());
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> query() {
        // the literal IN list matches the partial index article_due_idx
        return entityManager.createNativeQuery("""
                        SELECT status, count(*), min(created_at) FROM article
                        WHERE status IN ('PENDING', 'EXTRACTED', 'FAILED')
                        GROUP BY status""")
                .getResultList();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return null;
    }
}
