package io.quotegraph.ingest.article.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quotegraph.ingest.article.repository.ArticleEntity;
import io.quotegraph.ingest.article.repository.ArticleRepository;
import io.quotegraph.ingest.cleaning.CleanedArticle;
import io.quotegraph.ingest.cleaning.TextCleaner;
import io.quotegraph.ingest.config.IngestLimits;
import io.quotegraph.ingest.dedup.MinHash;
import io.quotegraph.ingest.dedup.NearDuplicateIndex;
import io.quotegraph.ingest.jdbc.Jdbc;
import io.quotegraph.ingest.delivery.ExtractionService;
import io.quotegraph.ingest.language.LanguageDetector;
import io.quotegraph.model.view.ArticleStatus;
import io.quotegraph.model.view.ArticleView;
import io.quotegraph.model.view.Page;
import io.quotegraph.model.view.PublishedCopy;
import io.quotegraph.rest.ProblemException;
import io.quotegraph.rest.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.jboss.logging.Logger;

import javax.sql.DataSource;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Ingestion (validate, clean, deduplicate, store) and the read side of articles. */
@ApplicationScoped
public class ArticleService {

    private static final Logger LOG = Logger.getLogger(ArticleService.class);

    private final TextCleaner cleaner = new TextCleaner();

    @Inject
    ArticleRepository repository;

    @Inject
    Validator validator;

    @Inject
    IngestLimits limits;

    @Inject
    Event<ArticleStored> stored;

    @Inject
    LanguageDetector languageDetector;

    @Inject
    NearDuplicateIndex nearDuplicates;

    @Inject
    DataSource dataSource;

    /** The article's language as given, or as detected (with the detector's confidence), or unknown (both null). */
    record LanguageChoice(String language, Double confidence) {
    }

    /** What became of one article of {@link #ingestAll}: its result, or the exception that rejected it. */
    public record Ingested(IngestResult result, RuntimeException failure) {

        /** The result; throws the rejection. */
        public IngestResult get() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }

    /** An article checked, cleaned and signed, ready to store. */
    private record Prepared(NewArticle input, String url, CleanedArticle cleaned, LanguageChoice language,
                            int[] signature, long[] bands) {
    }

    /**
     * Stores a new article (status PENDING, in a transaction of its own) or finds the one it duplicates (same URL or
     * same content hash). Stores run one after another, so copies that arrive at once find each other. An exact copy
     * of the text under another URL is linked to the original as another publication of it. A near-duplicate (MinHash
     * similarity at least {@link NearDuplicateIndex#NEAR_DUPLICATE_SIMILARITY} to a stored original) is stored as
     * DUPLICATE, linked to its original and never delivered. An article in a language the extractor does not support
     * is stored SKIPPED.
     *
     * @throws ConstraintViolationException for invalid fields
     * @throws ProblemException             for other invalid input (400) or input over the limits (413)
     */
    public IngestResult ingest(NewArticle input) {
        return ingestAll(List.of(() -> input)).get(0).get();
    }

    /**
     * Ingests articles as {@link #ingest} would one after the other, in order (an article that duplicates or
     * near-duplicates an earlier one of the list is found as its duplicate), with the database work of the whole list
     * in one transaction: one lookup of their URLs and content hashes, one of their near-duplicate bands, batched
     * inserts. Each item is read from its supplier, which throws to reject it (a line that is no JSON article, a feed
     * item without a link); an invalid or rejected article fails alone. If that transaction fails (a database error
     * that one article causes), the articles are stored one by one, so that a failure costs only its own article.
     *
     * @return one outcome per item, in order
     */
    public List<Ingested> ingestAll(List<? extends Supplier<NewArticle>> inputs) {
        Ingested[] outcomes = new Ingested[inputs.size()];
        List<Prepared> prepared = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            try {
                prepared.add(prepare(inputs.get(i).get()));
                positions.add(i);
            } catch (RuntimeException e) {
                outcomes[i] = new Ingested(null, e);
            }
        }
        List<Ingested> storedOutcomes = storeAll(prepared);
        for (int k = 0; k < storedOutcomes.size(); k++) {
            outcomes[positions.get(k)] = storedOutcomes.get(k);
        }
        for (Ingested outcome : storedOutcomes) {
            IngestResult result = outcome.result();
            if (result != null && result.created() && result.article().status() == ArticleStatus.PENDING) {
                stored.fire(new ArticleStored(UUID.fromString(result.article().id())));
            }
        }
        return Arrays.asList(outcomes);
    }

    private Prepared prepare(NewArticle input) {
        if (input == null) {
            throw new ProblemException(ProblemType.INVALID_INPUT, "the body is empty; expected a JSON article");
        }
        Set<ConstraintViolation<NewArticle>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        requireNoControlCharacters("url", input.url());
        requireNoControlCharacters("source", input.source());
        String url = normaliseUrl(input.url());
        CleanedArticle cleaned = clean(input);
        LanguageChoice language = language(input, cleaned);
        int[] signature = MinHash.signature(cleaned.text());
        return new Prepared(input, url, cleaned, language, signature,
                signature == null ? null : MinHash.bandHashes(signature));
    }

    /** The articles stored in one transaction, else one by one (see {@link #ingestAll}). */
    private List<Ingested> storeAll(List<Prepared> prepared) {
        if (prepared.isEmpty()) {
            return List.of();
        }
        try {
            return storeInOneTransaction(prepared).stream().map(r -> new Ingested(r, null)).toList();
        } catch (RuntimeException e) {
            if (prepared.size() == 1) {
                return List.of(new Ingested(null, e));
            }
            LOG.warnf(e, "storing %d articles in one transaction failed; storing them one by one", prepared.size());
        }
        List<Ingested> outcomes = new ArrayList<>();
        for (Prepared article : prepared) {
            try {
                outcomes.add(new Ingested(storeInOneTransaction(List.of(article)).get(0), null));
            } catch (RuntimeException e) {
                outcomes.add(new Ingested(null, e));
            }
        }
        return outcomes;
    }

    /** Stores the articles in one transaction of their own, after every store in flight (see {@link #store}). */
    private List<IngestResult> storeInOneTransaction(List<Prepared> prepared) {
        return QuarkusTransaction.requiringNew().call(() -> store(prepared));
    }

    /**
     * Stores the articles in order in the current transaction: the lookups of exact and near duplicates read the
     * database once and then also see the articles stored before in the same list. Stores are serialised (an
     * advisory lock held until the transaction ends), so the lookups also see every batch stored before this one.
     */
    private List<IngestResult> store(List<Prepared> prepared) {
        repository.lockForStoring();
        Map<String, ArticleRepository.Listed> byUrl = new HashMap<>();
        Map<String, ArticleRepository.Listed> byContentHash = new HashMap<>();
        Set<String> urls = new LinkedHashSet<>();
        Set<String> contentHashes = new LinkedHashSet<>();
        List<long[]> bands = new ArrayList<>();
        for (Prepared article : prepared) {
            if (article.url() != null) {
                urls.add(article.url());
            }
            contentHashes.add(article.cleaned().contentHash());
            if (article.bands() != null) {
                bands.add(article.bands());
            }
        }
        for (ArticleRepository.Listed existing : repository.findByUrlOrContentHash(urls, contentHashes)) {
            if (existing.url() != null) {
                byUrl.put(existing.url(), existing);
            }
            byContentHash.put(existing.contentHash(), existing);
        }
        NearDuplicateIndex.Lookup nearDuplicateLookup = nearDuplicates.lookup(bands);

        List<ArticleEntity> inserted = new ArrayList<>();
        Map<UUID, long[]> originals = new LinkedHashMap<>();
        List<NearDuplicateIndex.Copy> copies = new ArrayList<>();
        // per article: the new entity, or the existing article it duplicates
        List<Object> newOrExisting = new ArrayList<>();
        for (Prepared article : prepared) {
            ArticleRepository.Listed existing = article.url() == null ? null : byUrl.get(article.url());
            if (existing == null) {
                existing = byContentHash.get(article.cleaned().contentHash());
            }
            if (existing != null) {
                if (article.url() != null && !article.url().equals(existing.url())) {
                    // an exact copy under another URL: not stored again, linked to the story's original
                    copies.add(new NearDuplicateIndex.Copy(
                            existing.duplicateOf() != null ? existing.duplicateOf() : existing.id(), article.url(),
                            blankToNull(article.input().source()), publishedAt(article.input()), null, 1.0));
                }
                newOrExisting.add(existing);
                continue;
            }
            Optional<NearDuplicateIndex.Match> original = article.signature() == null ? Optional.empty()
                    : nearDuplicateLookup.findOriginal(article.signature(), article.bands());
            ArticleEntity entity = newEntity(article, original);
            inserted.add(entity);
            ArticleRepository.Listed listed = ArticleRepository.listed(entity);
            if (entity.url != null) {
                byUrl.put(entity.url, listed);
            }
            byContentHash.put(entity.contentHash, listed);
            if (original.isPresent()) {
                copies.add(new NearDuplicateIndex.Copy(entity.duplicateOf, entity.url, entity.source,
                        entity.publishedAt, entity.id, original.get().similarity()));
            } else if (article.signature() != null) {
                nearDuplicateLookup.addOriginal(entity.id, article.signature(), article.bands());
                originals.put(entity.id, article.bands());
            }
            newOrExisting.add(entity);
        }
        repository.insertAll(inserted);
        nearDuplicates.indexOriginals(originals);
        nearDuplicates.linkCopies(copies);

        Map<UUID, List<PublishedCopy>> copiesOfExisting = nearDuplicates.copiesOf(newOrExisting.stream()
                .filter(ArticleRepository.Listed.class::isInstance)
                .map(s -> ((ArticleRepository.Listed) s).id())
                .collect(Collectors.toSet()));
        List<IngestResult> results = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i++) {
            if (newOrExisting.get(i) instanceof ArticleEntity entity) {
                LOG.debugf("stored article %s (url %s, %s)", entity.id, entity.url, entity.status);
                results.add(IngestResult.created(toView(entity, List.of()))); // a new article has no copies yet
            } else {
                ArticleRepository.Listed existing = (ArticleRepository.Listed) newOrExisting.get(i);
                results.add(IngestResult.duplicate(toView(existing, copiesOfExisting.getOrDefault(existing.id(),
                        List.of())), duplicateReason(existing, prepared.get(i).url())));
            }
        }
        return results;
    }

    private LanguageChoice language(NewArticle input, CleanedArticle cleaned) {
        String given = blankToNull(input.language());
        if (given != null) {
            return new LanguageChoice(given, null);
        }
        String sample = cleaned.title() == null ? cleaned.text() : cleaned.title() + "\n" + cleaned.text();
        return languageDetector.detect(sample)
                .map(d -> new LanguageChoice(d.language(), Math.round(d.confidence() * 1000) / 1000.0))
                .orElse(new LanguageChoice(null, null));
    }

    private CleanedArticle clean(NewArticle input) {
        boolean hasText = input.text() != null;
        boolean hasHtml = input.html() != null;
        if (hasText == hasHtml) {
            throw new ProblemException(ProblemType.INVALID_INPUT, hasText
                    ? "both text and html are given; send exactly one of them"
                    : "neither text nor html is given; send exactly one of them");
        }
        int maxText = limits.maxTextChars();
        if (hasText && input.text().length() > maxText) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "text has " + input.text().length()
                    + " characters; at most " + maxText + " are accepted per article");
        }
        if (hasHtml && input.html().length() > limits.maxRequestBytes()) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "html has " + input.html().length()
                    + " characters; at most " + limits.maxRequestBytes() + " are accepted per article");
        }
        CleanedArticle cleaned = cleaner.clean(input.text(), input.html(), input.title());
        String field = hasText ? "text" : "html";
        if (cleaned.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_INPUT, field + " is empty after cleaning: the article has no text"
                    + (cleaned.title() != null ? " besides its title" : ""));
        }
        if (cleaned.text().length() > maxText) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "the cleaned text has " + cleaned.text().length()
                    + " characters; at most " + maxText + " are accepted per article");
        }
        return cleaned;
    }

    /** The new article's row: PENDING, or DUPLICATE of a near-duplicate's original, or SKIPPED (language). */
    private static ArticleEntity newEntity(Prepared input, Optional<NearDuplicateIndex.Match> original) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ArticleEntity article = new ArticleEntity();
        article.id = UUID.randomUUID();
        article.url = input.url();
        article.source = blankToNull(input.input().source());
        article.title = input.cleaned().title();
        article.text = input.cleaned().text();
        article.publishedAt = publishedAt(input.input());
        article.language = input.language().language();
        article.languageConfidence = input.language().confidence();
        article.contentHash = input.cleaned().contentHash();
        article.minhash = input.signature();
        article.createdAt = now;
        article.updatedAt = now;
        article.attempts = 0;
        if (original.isPresent()) {
            // a republication: stored and linked, but its statements are the original's and are not delivered again
            article.status = ArticleStatus.DUPLICATE;
            article.duplicateOf = original.get().originalId();
            article.statusReason = String.format(Locale.ROOT, "a near-duplicate of article %s (similarity %.2f)",
                    article.duplicateOf, original.get().similarity());
        } else if (!ExtractionService.supports(article.language)) {
            article.status = ArticleStatus.SKIPPED;
            article.statusReason = "language " + article.language + " not supported by the extractor (supported: "
                    + String.join(", ", ExtractionService.SUPPORTED_LANGUAGES) + ")";
        } else {
            article.status = ArticleStatus.PENDING;
            article.nextAttemptAt = now;
        }
        return article;
    }

    private static Instant publishedAt(NewArticle input) {
        return input.publishedAt().truncatedTo(ChronoUnit.MICROS);
    }

    public Optional<ArticleView> get(String id) {
        Optional<UUID> uuid = parseUuid(id);
        if (uuid.isEmpty()) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew().call(() -> repository.findByIdOptional(uuid.get()).map(this::view));
    }

    public Page<ArticleView> list(ArticleQuery query) {
        List<UUID> ids = null;
        if (query.ids() != null) {
            ids = new ArrayList<>();
            for (String id : query.ids()) {
                parseUuid(id).ifPresent(ids::add); // an id that is no UUID names no article
            }
            if (ids.isEmpty()) {
                return new Page<>(List.of(), query.offset(), query.limit(), 0);
            }
        }
        ArticleRepository.Filter filter = new ArticleRepository.Filter(query.source(), query.from(), query.to(), ids);
        return QuarkusTransaction.requiringNew().call(() -> {
            List<ArticleRepository.Listed> found = repository.list(filter, query.offset(), query.limit(),
                    query.withText());
            // a page that is not full ends the list: its end is the total (a lookup by ids fitting one page, the last
            // page), so only a full page, or an empty one past the start, needs a count
            long total = found.size() < query.limit() && (query.offset() == 0 || !found.isEmpty())
                    ? query.offset() + found.size() : repository.count(filter);
            Map<UUID, List<PublishedCopy>> copies = nearDuplicates.copiesOf(
                    found.stream().map(ArticleRepository.Listed::id).toList());
            List<ArticleView> items = found.stream()
                    .map(a -> toView(a, copies.getOrDefault(a.id(), List.of())))
                    .toList();
            return new Page<>(items, query.offset(), query.limit(), total);
        });
    }

    /**
     * The processing state of each of these articles that is stored (unknown ids, and strings that are no UUID, are
     * left out), in the order asked: one short query, for callers that poll for delivery. A single read needs no
     * transaction: it runs on a pooled connection of its own, without a JTA transaction and a Hibernate session
     * (opening those was most of the probe's cost when bench-ingest polls it ten times a second).
     */
    public List<ArticleStatusView> statuses(List<String> ids) {
        List<UUID> uuids = ids.stream().map(ArticleService::parseUuid).flatMap(Optional::stream).toList();
        if (uuids.isEmpty()) {
            return List.of();
        }
        Map<UUID, ArticleRepository.ArticleStatusRow> found = new HashMap<>();
        Jdbc.withPooledConnection(dataSource, connection -> ArticleRepository.statuses(connection, uuids))
                .forEach(row -> found.put(row.id(), row));
        return uuids.stream().map(found::get).filter(Objects::nonNull)
                .map(row -> new ArticleStatusView(row.id().toString(), row.status(), row.deliveredAt()))
                .toList();
    }

    /** The view with the article's copies (other publications of its story); must run in a transaction. */
    private ArticleView view(ArticleEntity a) {
        return toView(a, nearDuplicates.copiesOf(List.of(a.id)).getOrDefault(a.id, List.of()));
    }

    public static ArticleView toView(ArticleEntity a, List<PublishedCopy> copies) {
        return new ArticleView(a.id.toString(), a.url, a.source, a.title, a.text, a.publishedAt, a.language,
                a.contentHash, a.status, a.statusReason, a.createdAt, a.languageConfidence,
                a.duplicateOf == null ? null : a.duplicateOf.toString(), copies);
    }

    private static ArticleView toView(ArticleRepository.Listed a, List<PublishedCopy> copies) {
        return new ArticleView(a.id().toString(), a.url(), a.source(), a.title(), a.text(), a.publishedAt(),
                a.language(), a.contentHash(), a.status(), a.statusReason(), a.createdAt(), a.languageConfidence(),
                a.duplicateOf() == null ? null : a.duplicateOf().toString(), copies);
    }

    /** An absolute http(s) URL, trimmed, with scheme and host in lower case and without fragment; null stays null. */
    static String normaliseUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
                throw new ProblemException(ProblemType.INVALID_INPUT,
                        "url must be an absolute http or https URL, got '" + abbreviate(url) + "'");
            }
            StringBuilder normalised = new StringBuilder(scheme).append("://");
            if (uri.getRawUserInfo() != null) {
                normalised.append(uri.getRawUserInfo()).append('@');
            }
            normalised.append(uri.getHost().toLowerCase(Locale.ROOT));
            if (uri.getPort() >= 0) {
                normalised.append(':').append(uri.getPort());
            }
            normalised.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
            if (uri.getRawQuery() != null) {
                normalised.append('?').append(uri.getRawQuery());
            }
            return normalised.toString();
        } catch (URISyntaxException e) {
            throw new ProblemException(ProblemType.INVALID_INPUT,
                    "url is not a valid URL (" + e.getReason() + "): '" + abbreviate(url) + "'");
        }
    }

    private static void requireNoControlCharacters(String field, String value) {
        if (value != null && value.chars().anyMatch(Character::isISOControl)) {
            throw new ProblemException(ProblemType.INVALID_INPUT, field + " contains control characters");
        }
    }

    private static String duplicateReason(ArticleRepository.Listed existing, String url) {
        return url != null && url.equals(existing.url())
                ? "an article with the same url exists"
                : "an article with the same content exists";
    }

    private static Optional<UUID> parseUuid(String id) {
        if (id == null || id.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String abbreviate(String s) {
        return s.length() <= 100 ? s : s.substring(0, 100) + "…";
    }
}
