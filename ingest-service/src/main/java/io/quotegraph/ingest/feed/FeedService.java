package io.quotegraph.ingest.feed;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quotegraph.ingest.article.rest.BatchLineResult;
import io.quotegraph.ingest.article.rest.IngestOutcomes;
import io.quotegraph.ingest.article.service.ArticleService;
import io.quotegraph.ingest.article.service.NewArticle;
import io.quotegraph.ingest.delivery.Backoff;
import io.quotegraph.rest.ProblemException;
import io.quotegraph.rest.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/** The feed registry and its polling: fetch, parse, ingest the items newer than the last one seen, keep the state. */
@ApplicationScoped
public class FeedService implements PanacheRepositoryBase<FeedEntity, UUID> {

    private static final Logger LOG = Logger.getLogger(FeedService.class);
    /** A claimed feed is not claimed again (by this or another instance) before this, unless its poll finishes. */
    private static final Duration POLL_LEASE = Duration.ofMinutes(5);
    private static final int MAX_ERROR_CHARS = 2000;

    @Inject
    FeedConfig config;

    @Inject
    ArticleService articles;

    @Inject
    Validator validator;

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** What one poll or one parse did. */
    public record FeedIngestion(String feedTitle, String feedType, List<BatchLineResult> items) {

        public long count(String status) {
            return items.stream().filter(r -> r.status().equals(status)).count();
        }
    }

    // ---- parsing a posted feed -------------------------------------------------------------------------------------

    /** Ingests every item of a posted feed document. @throws ProblemException (400) for a document that is no safe feed */
    public FeedIngestion ingestDocument(byte[] xml, String source) {
        FeedParser.ParsedFeed feed = FeedParser.parse(xml, source, now());
        return new FeedIngestion(feed.title(), feed.type(), ingestItems(feed.items()));
    }

    /** The items in one batch ingestion (as a batch request's lines); an item without an article is rejected. */
    private List<BatchLineResult> ingestItems(List<FeedParser.FeedItem> items) {
        List<ArticleService.Ingested> ingested = articles.ingestAll(items.stream().<Supplier<NewArticle>>map(item -> () -> {
            if (item.article() == null) {
                throw new ProblemException(ProblemType.INVALID_INPUT, item.problem());
            }
            return item.article();
        }).toList());
        List<BatchLineResult> results = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            results.add(IngestOutcomes.of(i + 1, ingested.get(i)));
        }
        return results;
    }

    // ---- the registry ----------------------------------------------------------------------------------------------

    /** Registers a feed (first poll now), or answers the one registered with the same URL (created = false). */
    public record Registration(FeedView feed, boolean created) {
    }

    public Registration register(NewFeed input) {
        if (input == null) {
            throw new ProblemException(ProblemType.INVALID_INPUT, "the body is empty; expected {\"url\": …}");
        }
        Set<ConstraintViolation<NewFeed>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        String url = feedUrl(input.url());
        int interval = input.pollIntervalSeconds() == null ? config.defaultPollIntervalSeconds() : input.pollIntervalSeconds();
        if (interval < config.minPollIntervalSeconds() || interval > 7 * 24 * 3600) {
            throw new ProblemException(ProblemType.INVALID_INPUT, "pollIntervalSeconds must be between "
                    + config.minPollIntervalSeconds() + " and 604800, got " + interval);
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<FeedEntity> existing = find("url", url).firstResultOptional();
            if (existing.isPresent()) {
                return new Registration(FeedView.of(existing.get()), false);
            }
            Instant now = now();
            FeedEntity feed = new FeedEntity();
            feed.id = UUID.randomUUID();
            feed.url = url;
            feed.source = input.source() == null || input.source().isBlank() ? null : input.source().strip();
            feed.pollIntervalSeconds = interval;
            feed.createdAt = now;
            feed.nextPollAt = now;
            persistAndFlush(feed);
            return new Registration(FeedView.of(feed), true);
        });
    }

    public List<FeedView> listFeeds() {
        return QuarkusTransaction.requiringNew().call(() -> findAll().list().stream()
                .sorted((a, b) -> a.createdAt.compareTo(b.createdAt)).map(FeedView::of).toList());
    }

    public Optional<FeedView> get(String id) {
        Optional<UUID> uuid = parseUuid(id);
        return uuid.isEmpty() ? Optional.empty()
                : QuarkusTransaction.requiringNew().call(() -> findByIdOptional(uuid.get()).map(FeedView::of));
    }

    public boolean remove(String id) {
        Optional<UUID> uuid = parseUuid(id);
        return uuid.isPresent() && QuarkusTransaction.requiringNew().call(() -> deleteById(uuid.get()));
    }

    // ---- polling ---------------------------------------------------------------------------------------------------

    /** Polls every due feed (up to the batch size); answers how many were polled. */
    public int pollDue() {
        List<UUID> due = claimDue();
        for (UUID id : due) {
            poll(id);
        }
        return due.size();
    }

    @SuppressWarnings("unchecked")
    private List<UUID> claimDue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = now();
            List<UUID> ids = getEntityManager().createNativeQuery("""
                            SELECT id FROM feed WHERE next_poll_at <= :now
                            ORDER BY next_poll_at, id LIMIT :max FOR UPDATE SKIP LOCKED""", UUID.class)
                    .setParameter("now", now)
                    .setParameter("max", config.batchSize())
                    .getResultList();
            if (!ids.isEmpty()) {
                update("nextPollAt = ?1 where id in ?2", now.plus(POLL_LEASE), ids);
            }
            return ids;
        });
    }

    /** Fetches one feed and ingests its new items; any failure is recorded on the feed and backs its polling off. */
    void poll(UUID id) {
        Optional<FeedEntity> loaded = QuarkusTransaction.requiringNew().call(() -> findByIdOptional(id));
        if (loaded.isEmpty()) {
            return; // deleted meanwhile
        }
        FeedEntity feed = loaded.get();
        Instant started = now();
        try {
            byte[] xml = fetch(feed.url);
            FeedParser.ParsedFeed parsed = FeedParser.parse(xml, feed.source, started);
            List<FeedParser.FeedItem> fresh = parsed.items().stream()
                    .filter(item -> isNew(item, feed.lastItemAt))
                    .toList();
            List<BatchLineResult> results = ingestItems(fresh);
            long accepted = results.stream().filter(r -> !r.status().equals(BatchLineResult.REJECTED)).count();
            FeedParser.FeedItem newest = parsed.items().stream().filter(FeedParser.FeedItem::dated)
                    .filter(item -> item.article() != null)
                    .max((a, b) -> a.article().publishedAt().compareTo(b.article().publishedAt()))
                    .orElse(null);
            QuarkusTransaction.requiringNew().run(() -> findByIdOptional(id).ifPresent(f -> {
                Instant now = now();
                f.lastPolledAt = now;
                f.lastSuccessAt = now;
                if (newest != null && (f.lastItemAt == null || newest.article().publishedAt().isAfter(f.lastItemAt))) {
                    f.lastItemAt = newest.article().publishedAt();
                    f.lastItemKey = newest.key();
                }
                f.itemsIngested += accepted;
                f.consecutiveErrors = 0;
                f.lastError = null;
                f.nextPollAt = now.plusSeconds(f.pollIntervalSeconds);
            }));
            LOG.debugf("feed %s: %d items, %d new, %d ingested", feed.url, parsed.items().size(), fresh.size(), accepted);
        } catch (RuntimeException | IOException e) {
            String error = e instanceof ProblemException ? e.getMessage() : e.toString();
            if (e instanceof InterruptedIOException) {
                Thread.currentThread().interrupt();
            }
            QuarkusTransaction.requiringNew().run(() -> findByIdOptional(id).ifPresent(f -> {
                Instant now = now();
                f.lastPolledAt = now;
                f.consecutiveErrors++;
                f.lastError = error.length() <= MAX_ERROR_CHARS ? error : error.substring(0, MAX_ERROR_CHARS) + "…";
                Duration delay = new Backoff(Duration.ofSeconds(f.pollIntervalSeconds), config.backoffMax())
                        .delayAfter(f.consecutiveErrors + 1);
                f.nextPollAt = now.plus(delay);
            }));
            LOG.warnf("feed %s: poll failed (%s); backing off", feed.url, error);
        }
    }

    /** New: without a previous dated item, or without a date, or dated after the newest item seen before. */
    static boolean isNew(FeedParser.FeedItem item, Instant lastItemAt) {
        return item.article() == null || lastItemAt == null || !item.dated()
                || item.article().publishedAt().isAfter(lastItemAt);
    }

    private byte[] fetch(String url) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(config.fetchTimeout())
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8")
                .header("User-Agent", "Quotegraph feed poller")
                .GET()
                .build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while fetching " + url);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + " from " + url);
            }
            byte[] bytes = body.readNBytes(config.maxFeedBytes() + 1);
            if (bytes.length > config.maxFeedBytes()) {
                throw new IOException("the feed is larger than " + config.maxFeedBytes() + " bytes");
            }
            return bytes;
        }
    }

    private static final class InterruptedIOException extends IOException {
        InterruptedIOException(String message) {
            super(message);
        }
    }

    static String feedUrl(String url) {
        String u = url.strip();
        try {
            URI uri = new URI(u);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new ProblemException(ProblemType.INVALID_INPUT, "url must be an absolute http or https URL, got '" + u + "'");
            }
            return uri.normalize().toString();
        } catch (java.net.URISyntaxException e) {
            throw new ProblemException(ProblemType.INVALID_INPUT, "url is not a valid URL (" + e.getReason() + ")");
        }
    }

    private static Optional<UUID> parseUuid(String id) {
        try {
            return id != null && id.length() == 36 ? Optional.of(UUID.fromString(id)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
