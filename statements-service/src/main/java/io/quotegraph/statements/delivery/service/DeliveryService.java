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
import java.util.LinkedHashMap;
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
 * A batch runs each step once for all its articles: every start marker before any write, one resolution of the union
 * of their blocks, one bulk write of their statements, one quotation pass (in the order given). This stores what
 * delivering them one by one stores because what resolution decides does not depend on the order, and a statement's
 * event and quotation grouping follow its speaker when re-clustering moves it ({@link StatementLinks#relink}). A
 * failure before step 6 leaves every article of the batch without its hash, so the whole batch is applied again when
 * retried.
 */
@ApplicationScoped
public class DeliveryService {

    private static final Logger LOG = Logger.getLogger(DeliveryService.class);
    /** Part of the payload hash: bump it when processing changes so that redeliveries are applied again. */
    static final String PROCESSING_VERSION = "statements-v6";

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
        List<DeliveryResult> results = new ArrayList<>(payloads.size());
        List<ArticleExtraction> changed = new ArrayList<>();
        Map<String, String> hashes = new HashMap<>();
        for (ArticleExtraction payload : payloads) {
            Document previous = previousDeliveries.get(payload.articleId());
            String hash = hash(payload);
            hashes.put(payload.articleId(), hash);
            if (previous != null && hash.equals(previous.getString("hash"))) {
                Number count = previous.get("statements", Number.class);
                results.add(new DeliveryResult(payload.articleId(), count == null ? 0 : count.intValue(), false));
            } else {
                changed.add(payload);
                results.add(new DeliveryResult(payload.articleId(), payload.extraction().statements().size(), true));
            }
        }
        if (changed.isEmpty()) {
            return results;
        }
        Set<String> affectedSpeakers = new LinkedHashSet<>();
        Set<String> affectedEvents = new LinkedHashSet<>();
        Map<String, List<Document>> documents = write(changed, previousDeliveries, affectedSpeakers, affectedEvents);
        List<Written> written = changed.stream().map(payload -> new Written(payload, hashes.get(payload.articleId()),
                documents.get(payload.articleId()))).toList();
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
     * Steps 2 to 4 of the class comment for the articles of a batch, each step once for all of them: marks their
     * deliveries started, resolves their speakers together, writes their events, statements and quotations. Adds the
     * speakers and events whose derived fields must be recomputed.
     *
     * @return the articles' statement documents as written, by article id in the order given
     */
    private Map<String, List<Document>> write(List<ArticleExtraction> payloads, Map<String, Document> previousDeliveries,
                                              Set<String> affectedSpeakers, Set<String> affectedEvents) {
        List<String> articleIds = payloads.stream().map(ArticleExtraction::articleId).toList();
        // what the articles' statements were linked to so far must be recomputed too (nothing before a first delivery)
        Map<String, List<String>> storedIds = new LinkedHashMap<>();
        for (String articleId : articleIds) {
            storedIds.put(articleId, StatementRepository.idsOfArticle(articleId,
                    DeliveryRepository.statementSlots(previousDeliveries.get(articleId))));
        }
        Map<String, List<Document>> storedStatements = new HashMap<>();
        articleIds.forEach(articleId -> storedStatements.put(articleId, new ArrayList<>()));
        for (Document statement : statements.findFieldsByIds(storedIds.values().stream().flatMap(List::stream).toList(),
                "speakerId", "occasionId")) {
            storedStatements.get(statement.getString("articleId")).add(statement);
        }
        Map<String, List<Document>> storedMappings = speakers.mappingsOfArticles(articleIds);
        List<DeliveryRepository.Start> starts = new ArrayList<>();
        for (ArticleExtraction payload : payloads) {
            String articleId = payload.articleId();
            Set<String> speakersBefore = new LinkedHashSet<>(SpeakerService.speakerIds(storedMappings.get(articleId)));
            Set<String> eventsBefore = new LinkedHashSet<>();
            for (Document statement : storedStatements.get(articleId)) {
                addIfPresent(speakersBefore, statement.getString("speakerId"));
                addIfPresent(eventsBefore, statement.getString("occasionId"));
            }
            Document previous = previousDeliveries.get(articleId);
            if (previous != null) {
                speakersBefore.addAll(previous.getList("pendingSpeakerIds", String.class, List.of()));
                eventsBefore.addAll(previous.getList("pendingEventIds", String.class, List.of()));
            }
            starts.add(new DeliveryRepository.Start(articleId, payload.extraction().statements().size(), speakersBefore,
                    eventsBefore));
            affectedSpeakers.addAll(speakersBefore);
            affectedEvents.addAll(eventsBefore);
        }
        // every article of the batch is marked started before any of them writes
        deliveries.startAll(starts);

        SpeakerService.Resolution resolution = speakers.resolveArticles(payloads.stream()
                .map(payload -> names(payload, storedMappings.get(payload.articleId()))).toList());
        Set<String> resolvedIds = new LinkedHashSet<>();
        resolution.speakerIds().values().forEach(ids -> ids.values().stream().filter(Objects::nonNull)
                .forEach(resolvedIds::add));
        Map<String, String> speakerNames = speakers.names(resolvedIds);

        // the events the articles report, stored and linked together in one pass
        Map<String, Map<Integer, String>> reportedEventIds = reportedEvents.deliver(payloads.stream()
                .map(payload -> new ReportedEventService.ArticleEvents(payload.articleId(), payload.publishedAt(),
                        payload.extraction().events(), ReportedEventService.statementIds(payload.articleId(),
                        payload.extraction().statements()), resolution.speakerIds().get(payload.articleId())))
                .toList());

        Map<String, List<Document>> documentsByArticle = new LinkedHashMap<>();
        Map<String, Document> occasions = new HashMap<>();
        Map<String, List<String>> statementsByEvent = new HashMap<>();
        Map<String, List<String>> leftEvents = new HashMap<>();
        List<String> removedIds = new ArrayList<>();
        for (ArticleExtraction payload : payloads) {
            String articleId = payload.articleId();
            Map<String, String> speakerIds = resolution.speakerIds().get(articleId);
            List<Document> documents = statementDocuments(payload, speakerIds, speakerNames,
                    reportedEventIds.get(articleId), occasions, statementsByEvent, affectedEvents);
            documents.forEach(document -> addIfPresent(affectedSpeakers, document.getString("speakerId")));
            documentsByArticle.put(articleId, documents);
            List<String> before = storedIds.get(articleId);
            if (before.size() > documents.size()) {
                removedIds.addAll(before.subList(documents.size(), before.size()));
            }
            leftEvents(storedStatements.get(articleId), documents).forEach((eventId, ids) ->
                    leftEvents.computeIfAbsent(eventId, id -> new ArrayList<>()).addAll(ids));
            LOG.infof("article %s: %d statements (%d before), %d speakers", articleId, documents.size(), before.size(),
                    speakerIds.size());
        }
        affectedSpeakers.addAll(resolvedIds);
        affectedSpeakers.addAll(resolution.affectedSpeakers());

        events.ensure(occasions.values());
        events.addStatements(statementsByEvent);
        statements.upsertAll(documentsByArticle.values().stream().flatMap(List::stream).toList());
        statements.deleteByIds(removedIds);
        events.removeStatements(leftEvents);
        quotations.index(documentsByArticle);

        // re-clustering may have moved other articles' names to another speaker: their statements follow
        Set<String> relinkedEvents = statementLinks.relink(resolution.movedArticles());
        affectedEvents.addAll(relinkedEvents);
        // what a redelivery would not find again from the articles' own mappings and statements (speakers that lost
        // or gained other articles' names, their statements' events) is remembered until the batch is complete
        Set<String> foreignSpeakers = new TreeSet<>(resolution.affectedSpeakers());
        foreignSpeakers.removeAll(resolvedIds);
        if (!foreignSpeakers.isEmpty() || !relinkedEvents.isEmpty()) {
            deliveries.addPending(articleIds, foreignSpeakers, relinkedEvents);
        }
        return documentsByArticle;
    }

    /** What resolution needs of an article: its speakers, the entities it names, its statements by speaker. */
    private static SpeakerService.ArticleNames names(ArticleExtraction payload, List<Document> storedMappings) {
        List<ExtractedStatement> extracted = payload.extraction().statements();
        Map<String, Integer> statementsBySpeakerKey = new HashMap<>();
        extracted.stream().filter(statement -> statement.speakerKey() != null)
                .forEach(statement -> statementsBySpeakerKey.merge(statement.speakerKey(), 1, Integer::sum));
        // the entities statements name, events involve, and the article names anywhere: one entry each
        List<EntityMention> named = new ArrayList<>();
        extracted.forEach(statement -> named.addAll(statement.about()));
        named.addAll(ReportedEventService.entities(payload.extraction().events()));
        named.addAll(payload.extraction().entities());
        return new SpeakerService.ArticleNames(payload.articleId(), payload.publishedAt(), storedMappings,
                payload.extraction().speakers(), MentionedEntities.entries(named), statementsBySpeakerKey);
    }

    /**
     * The article's statement documents with their resolved speakers, entities, events and reported events (per
     * article event index, the event it was linked to); the occasions' events are collected in {@code occasions} (by
     * key) and {@code statementsByEvent} for the caller to write.
     */
    private List<Document> statementDocuments(ArticleExtraction payload, Map<String, String> speakerIds,
                                              Map<String, String> speakerNames, Map<Integer, String> reportedEventIds,
                                              Map<String, Document> occasions, Map<String, List<String>> statementsByEvent,
                                              Set<String> affectedEvents) {
        String articleId = payload.articleId();
        Instant publishedAt = payload.publishedAt();
        List<ExtractedStatement> extracted = payload.extraction().statements();
        List<Document> documents = new ArrayList<>(extracted.size());
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
            documents.add(document
                    .append("aboutEventMentionIds", ReportedEventService.mentionIds(articleId, statement))
                    .append("aboutEventIds", ReportedEventService.eventIds(statement, reportedEventIds)));
        }
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
