package io.quotegraph.statements.delivery.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quotegraph.model.ArticleExtraction;
import io.quotegraph.model.ArticleSpeaker;
import io.quotegraph.model.EntityMention;
import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.view.DeliveryBatchResult;
import io.quotegraph.model.view.DeliveryResult;
import io.quotegraph.rest.ProblemException;
import io.quotegraph.rest.ProblemType;
import io.quotegraph.statements.common.Dates;
import io.quotegraph.statements.common.IndexSetup;
import io.quotegraph.statements.common.TextTokens;
import io.quotegraph.statements.delivery.repository.DeliveryRepository;
import io.quotegraph.statements.entity.service.MentionedEntities;
import io.quotegraph.statements.event.service.EventService;
import io.quotegraph.statements.quotation.service.QuotationService;
import io.quotegraph.statements.event.service.ReportedEventService;
import io.quotegraph.statements.statement.service.StatementFeed;
import io.quotegraph.statements.statement.service.StatementLinks;
import io.quotegraph.statements.speaker.service.SpeakerService;
import io.quotegraph.statements.statement.repository.StatementRepository;
import io.quotegraph.statements.statement.service.StatementService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies an article's extraction without transactions, so that a crash at any point is repaired by redelivering:
 * <ol>
 * <li>if the stored hash equals the payload's, nothing changes;</li>
 * <li>the delivery is marked started (hash removed, speakers and events the article used so far remembered);</li>
 * <li>speakers are resolved and the article's speaker mappings written; events upserted by their derived ids; the
 * events the article reports stored and linked across articles ({@link ReportedEventService});</li>
 * <li>statements written by their deterministic ids "{articleId}:{index}", those with index ≥ the new count deleted
 * (statementSlots, raised at the start, bounds the indexes that may exist);</li>
 * <li>the derived fields of every affected speaker and event recomputed (idempotent);</li>
 * <li>the hash recorded, last.</li>
 * </ol>
 * A batch runs steps 1–4 article by article in the order given (resolution, event keys and quotation grouping see
 * the articles before, as when they are delivered one by one), then steps 5 and 6 once for all. A failure before
 * step 6 leaves every article of the batch without its hash, so the whole batch is applied again when retried.
 */
@ApplicationScoped
public class DeliveryService {

    private static final Logger LOG = Logger.getLogger(DeliveryService.class);
    /** Part of the payload hash: bump it when processing changes so that redeliveries are applied again. */
    static final String PROCESSING_VERSION = "statements-v3";

    @Inject
    DeliveryRepository deliveries;
    @Inject
    StatementRepository statements;
    @Inject
    SpeakerService speakers;
    @Inject
    EventService events;
    @Inject
    ReportedEventService reportedEvents;
    @Inject
    ObjectMapper json;
    @Inject
    IndexSetup indexes;
    @Inject
    StatementLinks statementLinks;
    @Inject
    QuotationService quotations;
    @Inject
    StatementFeed feed;

    /** Most articles in one batch ({@code POST /articles/extractions}); more is a 413. */
    public static final int MAX_BATCH_ARTICLES = 100;
    /** Largest batch body in bytes (by its Content-Length); more is a 413. */
    public static final long MAX_BATCH_BYTES = 16L * 1024 * 1024;

    @io.micrometer.core.annotation.Timed(value = "quotegraph.statements.delivery", histogram = true, description = "Applying one article's extraction (statements, speakers, events)")
    public DeliveryResult deliver(String articleId, ArticleExtraction payload) {
        ExtractionValidator.validate(articleId, payload);
        return apply(List.of(payload)).get(0);
    }

    /**
     * Applies a batch: each article as {@link #deliver} would, one after the other in the order given, except that the
     * recomputations every delivery ends with (speakers, events, titles) run once over the union of what the articles
     * affected, and the batch's deliveries are recorded complete together, after them. An invalid article is rejected
     * on its own; the same article twice, an empty batch, or more than {@value #MAX_BATCH_ARTICLES} articles reject
     * the batch.
     */
    @io.micrometer.core.annotation.Timed(value = "quotegraph.statements.delivery.batch", histogram = true, description = "Applying a batch of articles' extractions")
    public DeliveryBatchResult deliverAll(List<ArticleExtraction> payloads) {
        if (payloads == null || payloads.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_INPUT, "articles: at least one ArticleExtraction is required");
        }
        if (payloads.size() > MAX_BATCH_ARTICLES) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "articles: at most " + MAX_BATCH_ARTICLES
                    + " per batch, got " + payloads.size());
        }
        Set<String> seen = new HashSet<>();
        List<ArticleExtraction> valid = new ArrayList<>();
        Map<Integer, String> rejected = new HashMap<>();
        for (int i = 0; i < payloads.size(); i++) {
            ArticleExtraction payload = payloads.get(i);
            String articleId = payload == null ? null : payload.articleId();
            if (articleId != null && !seen.add(articleId)) {
                // two versions of one article in one request: which one wins would be up to the order
                throw new ProblemException(ProblemType.INVALID_INPUT, "articles[" + i + "].articleId: '" + articleId
                        + "' appears more than once");
            }
            try {
                ExtractionValidator.validate(articleId, payload);
                valid.add(payload);
            } catch (ProblemException e) {
                rejected.put(i, "articles[" + i + "]." + e.getMessage());
            }
        }
        Iterator<DeliveryResult> applied = apply(valid).iterator();
        List<DeliveryBatchResult.Outcome> outcomes = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            outcomes.add(rejected.containsKey(i)
                    ? DeliveryBatchResult.Outcome.rejected(payloads.get(i) == null ? null : payloads.get(i).articleId(),
                    rejected.get(i))
                    : DeliveryBatchResult.Outcome.applied(applied.next()));
        }
        return new DeliveryBatchResult(outcomes);
    }

    /** An article written by {@link #write}, whose delivery is complete once the batch's recomputations ran. */
    private record Written(ArticleExtraction payload, String hash, List<Document> statements) {
    }

    /** Applies valid payloads of distinct articles; the results in the same order. */
    private List<DeliveryResult> apply(List<ArticleExtraction> payloads) {
        if (payloads.isEmpty()) {
            return List.of();
        }
        indexes.ensure();
        Map<String, Document> previousDeliveries = deliveries.findAll(payloads.stream().map(ArticleExtraction::articleId).toList());
        Set<String> affectedSpeakers = new LinkedHashSet<>();
        Set<String> affectedEvents = new LinkedHashSet<>();
        List<DeliveryResult> results = new ArrayList<>(payloads.size());
        List<Written> written = new ArrayList<>();
        for (ArticleExtraction payload : payloads) {
            String hash = hash(payload);
            Document previous = previousDeliveries.get(payload.articleId());
            if (previous != null && hash.equals(previous.getString("hash"))) {
                Number count = previous.get("statements", Number.class);
                results.add(new DeliveryResult(payload.articleId(), count == null ? 0 : count.intValue(), false));
            } else {
                List<Document> documents = write(payload, previous, affectedSpeakers, affectedEvents);
                written.add(new Written(payload, hash, documents));
                results.add(new DeliveryResult(payload.articleId(), documents.size(), true));
            }
        }
        if (written.isEmpty()) {
            return results;
        }
        // derived fields are functions of the stored state: recomputing them once after all writes gives what
        // recomputing after each article gives, and every article recorded them as pending before writing
        Set<String> renamed = speakers.refresh(affectedSpeakers);
        events.refresh(affectedEvents);
        events.retitle(renamed);

        Instant deliveredAt = Instant.now();
        deliveries.completeAll(written.stream().map(w -> completion(w, deliveredAt)).toList());
        written.forEach(w -> feed.published(w.statements()));
        return results;
    }

    private static DeliveryRepository.Completion completion(Written written, Instant deliveredAt) {
        ArticleExtraction payload = written.payload();
        return new DeliveryRepository.Completion(payload.articleId(), written.hash(), written.statements().size(),
                new Document("url", payload.url())
                        .append("source", payload.source())
                        .append("title", payload.title())
                        .append("publishedAt", Dates.toBson(payload.publishedAt()))
                        .append("language", payload.language())
                        .append("extractorVersion", payload.extraction().extractorVersion())
                        .append("deliveredAt", Dates.toBson(deliveredAt)));
    }

    /**
     * Steps 2 to 4 of the class comment for one article: marks its delivery started, resolves its speakers, writes its
     * events, statements and quotations. Adds the speakers and events whose derived fields must be recomputed.
     *
     * @return the article's statement documents as written
     */
    private List<Document> write(ArticleExtraction payload, Document previous, Set<String> allAffectedSpeakers,
                                 Set<String> allAffectedEvents) {
        String articleId = payload.articleId();
        // what the article's statements were linked to so far must be recomputed too (nothing before its first delivery)
        List<String> storedIds = StatementRepository.idsOfArticle(articleId, DeliveryRepository.statementSlots(previous));
        List<Document> stored = statements.findFieldsByIds(storedIds, "speakerId", "occasionId");
        List<Document> storedMappings = speakers.mappingsOfArticle(articleId);
        Set<String> affectedSpeakers = new LinkedHashSet<>(SpeakerService.speakerIds(storedMappings));
        Set<String> affectedEvents = new LinkedHashSet<>();
        for (Document statement : stored) {
            addIfPresent(affectedSpeakers, statement.getString("speakerId"));
            addIfPresent(affectedEvents, statement.getString("occasionId"));
        }
        if (previous != null) {
            affectedSpeakers.addAll(previous.getList("pendingSpeakerIds", String.class, List.of()));
            affectedEvents.addAll(previous.getList("pendingEventIds", String.class, List.of()));
        }
        List<ExtractedStatement> extracted = payload.extraction().statements();
        deliveries.start(articleId, extracted.size(), affectedSpeakers, affectedEvents);

        Map<String, Integer> statementsBySpeakerKey = new HashMap<>();
        extracted.stream().filter(statement -> statement.speakerKey() != null)
                .forEach(statement -> statementsBySpeakerKey.merge(statement.speakerKey(), 1, Integer::sum));
        Instant publishedAt = payload.publishedAt();
        // the entities statements name, events involve, and the article names anywhere: one entry each
        List<EntityMention> named = new ArrayList<>();
        extracted.forEach(statement -> named.addAll(statement.about()));
        named.addAll(ReportedEventService.entities(payload.extraction().events()));
        named.addAll(payload.extraction().entities());
        List<ArticleSpeaker> mentioned = MentionedEntities.entries(named);
        SpeakerService.ArticleResolution resolution = speakers.resolveArticle(articleId, publishedAt, storedMappings,
                payload.extraction().speakers(), mentioned, statementsBySpeakerKey);
        Map<String, String> speakerIds = resolution.speakerIds();
        Map<String, String> speakerNames = speakers.names(new LinkedHashSet<>(speakerIds.values().stream()
                .filter(Objects::nonNull).toList()));

        Map<Integer, String> reportedEventIds = reportedEvents.deliver(articleId, publishedAt, payload.extraction().events(),
                ReportedEventService.statementIds(articleId, extracted), m -> MentionedEntities.resolvedId(m, speakerIds));
        List<Document> documents = new ArrayList<>(extracted.size());
        Map<String, Document> occasions = new HashMap<>();
        Map<String, List<String>> statementsByEvent = new HashMap<>();
        for (int index = 0; index < extracted.size(); index++) {
            ExtractedStatement statement = extracted.get(index);
            String speakerId = statement.speakerKey() == null ? null : speakerIds.get(statement.speakerKey());
            Document document = statementDocument(payload, index, statement, speakerId)
                    .append("aboutKeys", MentionedEntities.keys(statement))
                    .append("aboutIds", aboutIds(MentionedEntities.keys(statement), speakerIds));
            if (statement.occasion() != null) {
                String occasionId = events.eventFor(statement.occasion(), speakerId, speakerNames.get(speakerId),
                        articleId, publishedAt, occasions);
                document.put("occasionId", occasionId);
                statementsByEvent.computeIfAbsent(occasionId, id -> new ArrayList<>()).add(document.getString("_id"));
                affectedEvents.add(occasionId);
            }
            addIfPresent(affectedSpeakers, speakerId);
            documents.add(document
                    .append("aboutEventMentionIds", ReportedEventService.mentionIds(articleId, statement))
                    .append("aboutEventIds", ReportedEventService.eventIds(statement, reportedEventIds)));
        }
        speakerIds.values().stream().filter(Objects::nonNull).forEach(affectedSpeakers::add);
        affectedSpeakers.addAll(resolution.affectedSpeakers());

        events.ensure(occasions.values());
        events.addStatements(statementsByEvent);
        statements.upsertAll(documents);
        long removed = storedIds.size() > documents.size()
                ? statements.deleteByIds(storedIds.subList(documents.size(), storedIds.size())) : 0;
        events.removeStatements(leftEvents(stored, documents));
        quotations.index(articleId, documents);

        // re-clustering may have moved other articles' names to another speaker: their statements follow
        Set<String> relinkedEvents = statementLinks.relink(resolution.movedArticles());
        affectedEvents.addAll(relinkedEvents);
        // what a redelivery would not find again from this article's own mappings and statements (speakers that lost
        // or gained other articles' names, their statements' events) is remembered until the batch is complete
        Set<String> foreignSpeakers = new TreeSet<>(resolution.affectedSpeakers());
        speakerIds.values().forEach(foreignSpeakers::remove);
        if (!foreignSpeakers.isEmpty() || !relinkedEvents.isEmpty()) {
            deliveries.addPending(articleId, foreignSpeakers, relinkedEvents);
        }
        allAffectedSpeakers.addAll(affectedSpeakers);
        allAffectedEvents.addAll(affectedEvents);
        LOG.infof("article %s: %d statements (%d removed), %d speakers", articleId, documents.size(), removed,
                speakerIds.size());
        return documents;
    }

    private static void addIfPresent(Set<String> ids, String id) {
        if (id != null) {
            ids.add(id);
        }
    }

    /** The stored statements that are no longer made at their event (gone, or now at another), by that event. */
    private static Map<String, List<String>> leftEvents(List<Document> stored, List<Document> written) {
        Map<String, List<String>> left = new HashMap<>();
        for (Document statement : stored) {
            String event = statement.getString("occasionId");
            int index = statement.getInteger("index", 0);
            String now = index < written.size() ? written.get(index).getString("occasionId") : null;
            if (event != null && !event.equals(now)) {
                left.computeIfAbsent(event, id -> new ArrayList<>()).add(statement.getString("_id"));
            }
        }
        return left;
    }

    private static Document statementDocument(ArticleExtraction article, int index, ExtractedStatement statement,
                                              String speakerId) {
        String articleId = article.articleId();
        return new Document("_id", articleId + ":" + index)
                .append("articleId", articleId)
                .append("index", index)
                .append("kind", statement.kind().name())
                .append("content", StatementService.spanDocument(statement.content()))
                .append("cue", StatementService.spanDocument(statement.cue()))
                .append("speakerMention", StatementService.spanDocument(statement.speakerMention()))
                .append("speakerKey", statement.speakerKey())
                .append("speakerId", speakerId)
                .append("confidence", statement.confidence())
                .append("occasionId", null)
                .append("publishedAt", Dates.toBson(article.publishedAt()))
                .append("source", article.source())
                .append("tokens", TextTokens.tokens(statement.content().text()));
    }

    /** The canonical entities of a statement's entity keys (the same entity once). */
    private static List<String> aboutIds(List<String> keys, Map<String, String> speakerIds) {
        return new ArrayList<>(new LinkedHashSet<>(keys.stream().map(speakerIds::get)
                .filter(Objects::nonNull).toList()));
    }

    String hash(ArticleExtraction payload) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(PROCESSING_VERSION.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(json.writeValueAsBytes(payload));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("could not hash the payload", e);
        }
    }
}
