package io.quotegraph.ingest.delivery;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quotegraph.ingest.article.service.ArticleStored;
import io.quotegraph.ingest.config.DeliveryConfig;
import io.quotegraph.model.ArticleExtraction;
import io.quotegraph.model.Extraction;
import io.quotegraph.model.view.ArticleStatus;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Extracts and delivers stored articles. One thread per instance drains the queue of due articles (status not
 * DELIVERED and {@code next_attempt_at} reached), claimed with {@code FOR UPDATE SKIP LOCKED} so that several
 * instances share the work, and processes each claimed batch on {@code ingest.delivery.concurrency} threads. It runs every {@code ingest.delivery.interval} and right after each ingest.
 * <p>
 * Per article: PENDING → extract → deliver → DELIVERED (with the extraction stored); a failure makes it FAILED with
 * the reason (the extraction stored too), and it is retried after an exponential backoff. The stored extraction is
 * reused by every retry. A claimed batch is read in one transaction and its outcomes recorded in one. A
 * payload that statements-service rejects (4xx other than 408/429) is dead-lettered instead: FAILED, not retried.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    @Inject
    DeliveryConfig config;

    @Inject
    DeliveryService service;

    @Inject
    ExtractionService extraction;

    @Inject
    StatementsDelivery delivery;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ingest-delivery");
        thread.setDaemon(true);
        return thread;
    });
    /** Processes the articles of a claimed batch in parallel. */
    private ExecutorService workers;
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile boolean stopping;

    @PostConstruct
    void init() {
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(Math.max(1, config.concurrency()), runnable -> {
            Thread thread = new Thread(runnable, "ingest-delivery-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            wakeUp();
        } else {
            LOG.warn("delivery is disabled (ingest.delivery.enabled=false): articles stay PENDING");
        }
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true;
        executor.shutdown();
        workers.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
            if (!workers.awaitTermination(1, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void onStored(@Observes ArticleStored event) {
        wakeUp();
    }

    @Scheduled(every = "${ingest.delivery.interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        wakeUp();
    }

    /** Makes the worker look for due articles soon; cheap, never blocks, coalesces with a round already queued. */
    public void wakeUp() {
        if (!config.enabled() || stopping) {
            return;
        }
        if (queued.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                queued.set(false); // shutting down
            }
        }
    }

    private void drain() {
        queued.set(false); // a wake-up from now on queues another round
        try {
            while (!stopping) {
                List<UUID> ids = service.claimDue(config.batchSize());
                if (ids.isEmpty()) {
                    return;
                }
                // one read and one write transaction per batch, not several per article
                List<DeliveryItem> items = service.loadAll(ids);
                // when stopping, an article is taken up again once its lease ends
                List<Callable<DeliveryService.Outcome>> tasks = items.stream().<Callable<DeliveryService.Outcome>>map(
                        item -> () -> stopping ? null : process(item)).toList();
                List<DeliveryService.Outcome> outcomes = new ArrayList<>();
                for (Future<DeliveryService.Outcome> done : workers.invokeAll(tasks)) {
                    if (done.get() != null) {
                        outcomes.add(done.get());
                    }
                }
                service.recordAll(outcomes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | ExecutionException e) {
            if (!stopping) {
                LOG.error("delivery round failed; retrying on the next round", e);
            }
        }
    }

    /**
     * Extracts (unless already done) and delivers one claimed article; returns what is to be recorded (null: nothing,
     * it is settled already).
     */
    DeliveryService.Outcome process(DeliveryItem item) {
        UUID id = item.id();
        if (item.status() == ArticleStatus.DELIVERED || item.status() == ArticleStatus.DUPLICATE
                || item.status() == ArticleStatus.SKIPPED) {
            return null;
        }
        Extraction result;
        String extractedJson = null;
        try {
            if (item.extractionJson() == null) {
                result = extraction.extract(item.text(), item.publishedAt());
                extractedJson = extraction.toJson(result);
            } else {
                result = extraction.fromJson(item.extractionJson());
            }
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            LOG.errorf(e, "extraction of article %s failed", id);
            return new DeliveryService.Outcome(id, DeliveryService.Outcome.Kind.FAILED, null, null,
                    "extraction failed: " + e);
        }
        String version = extractedJson == null ? null : result.extractorVersion();
        ArticleExtraction payload = new ArticleExtraction(id.toString(), item.url(), item.source(), item.title(),
                item.publishedAt(), item.language(), result);
        try {
            delivery.deliver(payload);
            LOG.debugf("delivered article %s (%d statements)", id, result.statements().size());
            return new DeliveryService.Outcome(id, DeliveryService.Outcome.Kind.DELIVERED, extractedJson, version, null);
        } catch (StatementsServiceException.RejectedByStatementsService e) {
            LOG.errorf("article %s: %s; dead-lettered (FAILED, not retried)", id, e.getMessage());
            return new DeliveryService.Outcome(id, DeliveryService.Outcome.Kind.REJECTED, extractedJson, version,
                    e.getMessage());
        } catch (RuntimeException e) {
            String reason = "delivery to statements-service failed: " + describe(e);
            if (item.attempts() == 0) {
                LOG.warnf("article %s: %s; it will be retried", id, reason);
            } else {
                LOG.debugf("article %s: %s (attempt %d)", id, reason, item.attempts() + 1);
            }
            return new DeliveryService.Outcome(id, DeliveryService.Outcome.Kind.FAILED, extractedJson, version, reason);
        }
    }

    static String describe(Throwable e) {
        if (e instanceof StatementsServiceException) {
            return e.getMessage();
        }
        if (e instanceof CircuitBreakerOpenException) {
            return "statements-service is unavailable (circuit breaker open after repeated failures)";
        }
        if (e instanceof TimeoutException) {
            return "statements-service did not answer in time";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (e instanceof ProcessingException || root instanceof java.net.ConnectException) {
            return "statements-service is unreachable: " + root;
        }
        return e.toString();
    }
}
