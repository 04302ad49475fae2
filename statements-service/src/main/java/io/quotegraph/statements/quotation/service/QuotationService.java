package io.quotegraph.statements.quotation.service;

import io.quotegraph.model.Span;
import io.quotegraph.model.view.Page;
import io.quotegraph.model.view.QuotationOccurrenceView;
import io.quotegraph.model.view.QuotationView;
import io.quotegraph.model.view.SimilarStatementView;
import io.quotegraph.model.view.StatementView;
import io.quotegraph.quotations.Grouping;
import io.quotegraph.quotations.Occurrence;
import io.quotegraph.quotations.QuoteBlocking;
import io.quotegraph.quotations.text.QuoteText;
import io.quotegraph.rest.ProblemException;
import io.quotegraph.rest.ProblemType;
import io.quotegraph.statements.common.Dates;
import io.quotegraph.statements.common.Params;
import io.quotegraph.statements.quotation.repository.QuotationBucketRepository;
import io.quotegraph.statements.quotation.repository.QuotationLinkRepository;
import io.quotegraph.statements.quotation.repository.QuotationRepository;
import io.quotegraph.statements.speaker.repository.SpeakerRepository;
import io.quotegraph.statements.speaker.service.SpeakerService;
import io.quotegraph.statements.statement.service.StatementService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Quotations and similar statements, maintained incrementally as articles are delivered.
 * <p>
 * Each statement with a speaker and a wording is blocked by its speaker's LSH buckets (documents addressed by _id,
 * see {@link QuoteBlocking}), compared with the at most {@code bands × bucket capacity} candidates found there, and
 * joins the quotation of its best "same" match or founds one, linked both ways to its "similar" candidates
 * ({@link Grouping}). Cost per statement: O(bands + candidates) _id reads and writes, independent of the store's size.
 * <p>
 * No transactions: a statement's decision is first saved as its link (done = false), then its writes are made
 * (occurrence, reverse similar links, buckets; each an idempotent pull-then-push), then the link is marked done; a
 * redelivery finishes a pending link, and removes (in the same idempotent way) the links of statements the article no
 * longer has or whose speaker, wording or article data changed, before adding them again.
 * <p>
 * Speaker ids: buckets and quotations are keyed by the speaker id a statement had when indexed. Reads follow merges
 * (a merged speaker answers as its target, and a target's quotations include those of the speakers merged into it);
 * a statement moved to another speaker by re-clustering keeps its grouping until its article is delivered again.
 */
@ApplicationScoped
public class QuotationService {

    public enum Sort { REACH, FIRST_SEEN }

    @Inject
    QuotationLinkRepository links;
    @Inject
    QuotationBucketRepository buckets;
    @Inject
    QuotationRepository quotations;
    @Inject
    SpeakerService speakers;
    @Inject
    SpeakerRepository speakerRepository;
    @Inject
    StatementService statements;

    /** Brings the index in line with the article's statements as just stored ("_id", "speakerId", "content", ...). */
    public void index(String articleId, List<Document> articleStatements) {
        Map<String, Document> wanted = new LinkedHashMap<>();
        for (Document statement : articleStatements) {
            Document content = statement.get("content", Document.class);
            if (statement.getString("speakerId") != null && content != null && !QuoteText.of(content.getString("text")).isEmpty()) {
                wanted.put(statement.getString("_id"), statement);
            }
        }
        Set<String> all = new LinkedHashSet<>(links.statementsOfArticle(articleId));
        all.addAll(wanted.keySet());
        // recorded before any change, so that a crash leaves every statement this article may have indexed known
        links.setStatementsOfArticle(articleId, all);
        for (String id : all) {
            Document link = links.find(id).orElse(null);
            Document statement = wanted.get(id);
            if (link != null && (statement == null || !inputHash(statement).equals(link.getString("inputHash")))) {
                remove(link);
                link = null;
            }
            if (statement != null) {
                if (link == null) {
                    add(statement);
                } else if (!link.getBoolean("done", false)) {
                    apply(link);
                }
            }
        }
        links.setStatementsOfArticle(articleId, wanted.keySet());
    }

    private void add(Document statement) {
        String id = statement.getString("_id");
        String speakerId = statement.getString("speakerId");
        Document content = statement.get("content", Document.class);
        QuoteText text = QuoteText.of(content.getString("text"));
        List<String> bucketIds = QuotationBucketRepository.bucketIds(speakerId, QuoteBlocking.bandKeys(text));
        Set<String> candidateIds = buckets.statementsIn(bucketIds);
        candidateIds.remove(id);
        List<Grouping.Candidate> candidates = new ArrayList<>();
        for (Document candidate : links.findAll(candidateIds)) {
            candidates.add(new Grouping.Candidate(candidate.getString("_id"), candidate.getString("quotationId"),
                    QuoteText.of(candidate.get("content", Document.class).getString("text"))));
        }
        Grouping.Decision decision = Grouping.decide(text, candidates);
        String inputHash = inputHash(statement);
        String quotationId = decision.quotationId() != null ? decision.quotationId()
                : id + "~" + inputHash.substring(0, 8);
        Document link = new Document("_id", id)
                .append("articleId", statement.getString("articleId"))
                .append("speakerId", speakerId)
                .append("inputHash", inputHash)
                .append("content", content)
                .append("source", statement.getString("source"))
                .append("publishedAt", statement.get("publishedAt"))
                .append("quotationId", quotationId)
                .append("bucketIds", bucketIds)
                .append("similar", decision.similar().stream().map(s -> new Document("statementId", s.statementId())
                        .append("score", s.score())).toList())
                .append("done", false);
        links.save(link);
        apply(link);
    }

    /** The writes a saved decision implies; each idempotent, so that a pending link is finished by doing them again. */
    private void apply(Document link) {
        String id = link.getString("_id");
        quotations.addOccurrence(link.getString("quotationId"), link.getString("speakerId"), new Document("statementId", id)
                .append("articleId", link.getString("articleId"))
                .append("source", link.getString("source"))
                .append("publishedAt", link.get("publishedAt"))
                .append("content", link.get("content", Document.class)));
        for (Document similar : link.getList("similar", Document.class, List.of())) {
            links.addSimilar(similar.getString("statementId"), id, similar.get("score", Number.class).doubleValue());
        }
        buckets.add(link.getList("bucketIds", String.class, List.of()), id);
        links.markDone(id);
    }

    private void remove(Document link) {
        String id = link.getString("_id");
        buckets.remove(link.getList("bucketIds", String.class, List.of()), id);
        quotations.removeOccurrence(link.getString("quotationId"), id);
        for (Document similar : link.getList("similar", Document.class, List.of())) {
            links.removeSimilar(similar.getString("statementId"), id);
        }
        links.delete(id);
    }

    /** What a statement's grouping depends on: a change of any of it re-indexes the statement. */
    private static String inputHash(Document statement) {
        Document content = statement.get("content", Document.class);
        Instant publishedAt = Dates.instant(statement.get("publishedAt"));
        String input = String.join("\u0000", statement.getString("speakerId"), content.getString("text"),
                String.valueOf(content.get("start")), String.valueOf(content.get("end")),
                String.valueOf(statement.getString("source")), String.valueOf(publishedAt), statement.getString("articleId"));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- reads ---

    public QuotationView get(String id) {
        return quotations.find(id).filter(QuotationService::hasOccurrences).map(q -> view(q, new HashMap<>()))
                .orElseThrow(() -> Params.notFound("quotation", id));
    }

    /** The quotations of these statements (each once; statements without one contribute nothing). */
    public List<QuotationView> ofStatements(List<String> statementIds) {
        Set<String> quotationIds = new LinkedHashSet<>();
        for (Document link : links.findAll(statementIds)) {
            quotationIds.add(link.getString("quotationId"));
        }
        Map<String, String> currentSpeakers = new HashMap<>();
        return quotations.findAll(quotationIds).stream().filter(QuotationService::hasOccurrences)
                .map(q -> view(q, currentSpeakers)).toList();
    }

    /**
     * A speaker's quotations (a merged speaker's are its target's), most widely reported first (articles, then sources,
     * then earliest) or newest first. Reads every quotation of the speaker: O(quotations of the speaker).
     */
    public Page<QuotationView> ofSpeaker(String speakerId, Sort sort, int offset, int limit) {
        String current = speakers.document(speakerId).getString("_id");
        Set<String> speakerIds = new LinkedHashSet<>(List.of(current));
        for (Document merged : speakerRepository.collection().find(new Document("mergedInto", current))) {
            speakerIds.add(merged.getString("_id"));
        }
        Set<String> quotationIds = new LinkedHashSet<>();
        speakerIds.forEach(id -> quotationIds.addAll(quotations.quotationIdsOfSpeaker(id)));
        Map<String, String> currentSpeakers = new HashMap<>();
        speakerIds.forEach(id -> currentSpeakers.put(id, current));
        List<QuotationView> views = new ArrayList<>(quotations.findAll(quotationIds).stream()
                .filter(QuotationService::hasOccurrences).map(q -> view(q, currentSpeakers)).toList());
        Comparator<QuotationView> newest = Comparator.comparing(QuotationView::firstSeen,
                Comparator.nullsLast(Comparator.reverseOrder()));
        Comparator<QuotationView> order = sort == Sort.REACH
                ? Comparator.comparingLong(QuotationView::articleCount).reversed()
                        .thenComparing(Comparator.comparingLong(QuotationView::sourceCount).reversed())
                        .thenComparing(QuotationView::firstSeen, Comparator.nullsLast(Comparator.naturalOrder()))
                : newest;
        views.sort(order.thenComparing(QuotationView::id));
        int from = Math.min(offset, views.size());
        return new Page<>(views.subList(from, Math.min(views.size(), from + limit)), offset, limit, views.size());
    }

    /** The statements similar to each of these, best first ({@code statementId} says to which). */
    public List<SimilarStatementView> similar(List<String> statementIds) {
        List<SimilarStatementView> result = new ArrayList<>();
        for (Document link : links.findAll(statementIds)) {
            List<Document> similar = new ArrayList<>(link.getList("similar", Document.class, List.of()));
            similar.sort(Comparator.comparingDouble((Document s) -> -s.get("score", Number.class).doubleValue())
                    .thenComparing(s -> s.getString("statementId")));
            for (Document s : similar) {
                StatementView statement = statementOrNull(s.getString("statementId"));
                if (statement != null) {
                    result.add(new SimilarStatementView(link.getString("_id"), statement,
                            s.get("score", Number.class).doubleValue()));
                }
            }
        }
        return result;
    }

    /** The statements similar to one statement; 404 when there is no such statement. */
    public List<SimilarStatementView> similar(String statementId) {
        statements.get(statementId);
        return similar(List.of(statementId));
    }

    private StatementView statementOrNull(String id) {
        try {
            return statements.get(id);
        } catch (ProblemException e) {
            if (e.type() == ProblemType.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    /** False only for a quotation whose last occurrence is being removed right now. */
    private static boolean hasOccurrences(Document quotation) {
        return !quotation.getList("occurrences", Document.class, List.of()).isEmpty();
    }

    private QuotationView view(Document quotation, Map<String, String> currentSpeakers) {
        List<Occurrence> occurrences = new ArrayList<>();
        List<QuotationOccurrenceView> views = new ArrayList<>();
        for (Document o : quotation.getList("occurrences", Document.class, List.of())) {
            Document content = o.get("content", Document.class);
            Instant publishedAt = Dates.instant(o.get("publishedAt"));
            occurrences.add(new Occurrence(o.getString("statementId"), o.getString("articleId"), o.getString("source"),
                    publishedAt, content.getString("text")));
            views.add(new QuotationOccurrenceView(o.getString("statementId"), o.getString("articleId"), o.getString("source"),
                    publishedAt, new Span(content.getInteger("start", 0), content.getInteger("end", 0), content.getString("text"))));
        }
        views.sort(Comparator.comparing(QuotationOccurrenceView::publishedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(QuotationOccurrenceView::statementId));
        Occurrence canonical = Occurrence.canonical(occurrences);
        String speakerId = currentSpeakers.computeIfAbsent(quotation.getString("speakerId"), this::currentSpeakerId);
        return new QuotationView(quotation.getString("_id"), speakerId, canonical.text(), canonical.statementId(),
                Occurrence.firstSeen(occurrences), Occurrence.articleCount(occurrences), Occurrence.sourceCount(occurrences),
                views);
    }

    private String currentSpeakerId(String speakerId) {
        try {
            return speakers.document(speakerId).getString("_id");
        } catch (ProblemException e) {
            return Objects.requireNonNull(speakerId);
        }
    }
}
