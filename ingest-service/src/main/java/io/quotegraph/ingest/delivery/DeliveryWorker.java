package io.quotegraph.ingest.delivery;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quotegraph.ingest.article.service.ArticleStored;
import io.quotegraph.ingest.config.DeliveryConfig;
import io.quotegraph.model.Extraction;
import io.quotegraph.model.view.ArticleStatus;
import io.quotegraph.model.view.DeliveryBatchResult;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * instances share the work, and extracts each claimed batch on {@code ingest.delivery.concurrency} threads. It runs every {@code ingest.delivery.interval} and right after each ingest.
 * <p>
 * Per article: PENDING → extract → deliver → DELIVERED (with the extraction stored); a failure makes it FAILED with
 * the reason (the extraction stored too), and it is retried after an exponential backoff. The stored extraction is
 * reused by every retry. A claimed batch is read in one transaction, delivered in as few requests as
 * {@code ingest.delivery.request-articles} and {@code request-bytes} allow (one, with the defaults), and its
 * outcomes recorded in one; while one batch is being delivered the next is claimed and extracted. A failed request
 * fails each of its articles (statements-service applies a redelivered article idempotently); an article that
 * statements-service rejects (its outcome 400, or a 4xx other than 408/429 for the whole request) is dead-lettered
 * instead: FAILED, not retried.
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
    /** Extracts the articles of a claimed batch in parallel. */
    private ExecutorService workers;
    /** Delivers a batch and records its outcomes while the next batch is extracted. */
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ingest-delivery-send");
        thread.setDaemon(true);
        return thread;
    });
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
        sender.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
            if (!workers.awaitTermination(1, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
            if (!sender.awaitTermination(1, TimeUnit.SECONDS)) {
                sender.shutdownNow();
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
        Future<?> sending = null;
        try {
            while (!stopping) {
                List<UUID> ids = service.claimDue(config.batchSize());
                if (ids.isEmpty()) {
                    break;
                }
                // one read and one write transaction per batch, not several per article
                List<DeliveryItem> items = service.loadAll(ids);
                // when stopping, an article is taken up again once its lease ends
                List<Callable<Prepared>> tasks = items.stream().<Callable<Prepared>>map(
                        item -> () -> stopping ? null : prepare(item)).toList();
                List<Prepared> prepared = new ArrayList<>();
                for (Future<Prepared> done : workers.invokeAll(tasks)) {
                    if (done.get() != null) {
                        prepared.add(done.get());
                    }
                }
                // one batch in flight: the next is extracted meanwhile
                awaitSent(sending);
                sending = sender.submit(() -> service.recordAll(deliver(prepared)));
            }
            awaitSent(sending);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | ExecutionException e) {
            if (!stopping) {
                LOG.error("delivery round failed; retrying on the next round", e);
            }
        }
    }

    private static void awaitSent(Future<?> sending) throws InterruptedException, ExecutionException {
        if (sending != null) {
            sending.get();
        }
    }

    /**
     * A claimed article made ready to send: its payload's JSON with the extraction to record (extractedJson and
     * version null: the stored one was reused), or the outcome already known (its extraction failed; json null).
     */
    record Prepared(UUID id, byte[] json, int attempts, String extractedJson, String version,
                    DeliveryService.Outcome outcome) {
        long bytes() {
            return json == null ? 0 : json.length;
        }
    }

    /**
     * Extracts (unless already done) one claimed article; null: nothing to do, it is settled already.
     */
    Prepared prepare(DeliveryItem item) {
        UUID id = item.id();
        if (item.status() == ArticleStatus.DELIVERED || item.status() == ArticleStatus.DUPLICATE
                || item.status() == ArticleStatus.SKIPPED) {
            return null;
        }
        String extractedJson = null;
        String version = null;
        String extractionJson;
        try {
            if (item.extractionJson() == null) {
                Extraction result = extraction.extract(item.text(), item.publishedAt());
                extractedJson = extraction.toJson(result);
                version = result.extractorVersion();
                extractionJson = extractedJson;
            } else {
                // read and written again: a result stored by an older model is sent in the current model's form
                extractionJson = extraction.toJson(extraction.fromJson(item.extractionJson()));
            }
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            LOG.errorf(e, "extraction of article %s failed", id);
            return new Prepared(id, null, item.attempts(), null, null, new DeliveryService.Outcome(id,
                    DeliveryService.Outcome.Kind.FAILED, null, null, "extraction failed: " + e, item.attempts()));
        }
        byte[] json = extraction.payloadJson(id, item.url(), item.source(), item.title(), item.publishedAt(),
                item.language(), extractionJson);
        return new Prepared(id, json, item.attempts(), extractedJson, version, null);
    }

    /** Delivers the prepared articles in as few requests as the limits allow; their outcomes, in order. */
    List<DeliveryService.Outcome> deliver(List<Prepared> prepared) {
        List<DeliveryService.Outcome> outcomes = new ArrayList<>();
        List<Prepared> sendable = new ArrayList<>();
        for (Prepared article : prepared) {
            if (article.outcome() != null) {
                outcomes.add(article.outcome());
            } else {
                sendable.add(article);
            }
        }
        for (List<Prepared> request : requests(sendable, config.requestArticles(), config.requestBytes())) {
            outcomes.addAll(send(request));
        }
        return outcomes;
    }

    /**
     * Splits articles, in order, into requests of at most {@code maxArticles} articles and {@code maxBytes} (an
     * article larger than that alone goes in a request of its own).
     */
    static List<List<Prepared>> requests(List<Prepared> articles, int maxArticles, long maxBytes) {
        List<List<Prepared>> requests = new ArrayList<>();
        List<Prepared> current = new ArrayList<>();
        long bytes = 0;
        for (Prepared article : articles) {
            if (!current.isEmpty() && (current.size() >= maxArticles || bytes + article.bytes() > maxBytes)) {
                requests.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(article);
            bytes += article.bytes();
        }
        if (!current.isEmpty()) {
            requests.add(current);
        }
        return requests;
    }

    /** One request; each article's outcome as statements-service answered it, or the request's failure. */
    private List<DeliveryService.Outcome> send(List<Prepared> request) {
        List<DeliveryService.Outcome> outcomes = new ArrayList<>(request.size());
        try {
            DeliveryBatchResult result = delivery.deliverAll(jsonArray(request));
            Map<String, DeliveryBatchResult.Outcome> answered = new HashMap<>();
            result.articles().forEach(outcome -> answered.put(outcome.articleId(), outcome));
            for (Prepared article : request) {
                DeliveryBatchResult.Outcome outcome = answered.get(article.id().toString());
                if (outcome == null) {
                    outcomes.add(failed(article, "statements-service answered no outcome for the article"));
                } else if (outcome.status() == 200) {
                    LOG.debugf("delivered article %s (%d statements)", article.id(), outcome.statements());
                    outcomes.add(outcome(article, DeliveryService.Outcome.Kind.DELIVERED, null));
                } else {
                    outcomes.add(rejected(article, "statements-service answered " + outcome.status() + " for the article: "
                            + outcome.detail()));
                }
            }
        } catch (StatementsServiceException.RejectedByStatementsService e) {
            request.forEach(article -> outcomes.add(rejected(article, e.getMessage())));
        } catch (RuntimeException e) {
            String reason = "delivery to statements-service failed: " + describe(e);
            request.forEach(article -> outcomes.add(failed(article, reason)));
        }
        return outcomes;
    }

    /** The request body: the articles' payloads as one JSON array, their bytes copied as they are. */
    static byte[] jsonArray(List<Prepared> request) {
        int size = 2 + Math.max(0, request.size() - 1);
        for (Prepared article : request) {
            size += article.json().length;
        }
        byte[] body = new byte[size];
        int at = 0;
        body[at++] = '[';
        for (Prepared article : request) {
            if (at > 1) {
                body[at++] = ',';
            }
            System.arraycopy(article.json(), 0, body, at, article.json().length);
            at += article.json().length;
        }
        body[at] = ']';
        return body;
    }

    private static DeliveryService.Outcome outcome(Prepared article, DeliveryService.Outcome.Kind kind, String reason) {
        return new DeliveryService.Outcome(article.id(), kind, article.extractedJson(), article.version(), reason,
                article.attempts());
    }

    private static DeliveryService.Outcome rejected(Prepared article, String reason) {
        LOG.errorf("article %s: %s; dead-lettered (FAILED, not retried)", article.id(), reason);
        return outcome(article, DeliveryService.Outcome.Kind.REJECTED, reason);
    }

    private static DeliveryService.Outcome failed(Prepared article, String reason) {
        if (article.attempts() == 0) {
            LOG.warnf("article %s: %s; it will be retried", article.id(), reason);
        } else {
            LOG.debugf("article %s: %s (attempt %d)", article.id(), reason, article.attempts() + 1);
        }
        return outcome(article, DeliveryService.Outcome.Kind.FAILED, reason);
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
