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
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Quotations and similar statements, maintained incrementally as articles are delivered.
 * <p>
 * Each statement with a speaker and a wording is blocked by its speaker's list and, once the speaker has more
 * statements than the list holds, LSH buckets (documents addressed by _id, see {@link QuoteBlocking}), compared with
 * the at most {@link QuoteBlocking#MAX_CANDIDATES} candidates found there (by their stored hashes, not re-normalised),
 * and joins the quotation of its best "same" match or founds one, linked both ways to its "similar" candidates
 * ({@link Grouping}). Cost per statement: O(bands + candidates) _id reads and writes, independent of the store's size;
 * one list write instead of {@value QuoteBlocking#BANDS} bucket writes while its speaker's list has room.
 * <p>
 * No transactions: the articles' index records ({@link QuotationLinkRepository#ARTICLES}) first list the statements
 * about to be decided or resumed as pending; the new statements of the articles indexed together are decided together
 * (reads by _id in chunks), their decisions saved as their links (a link is also the statement's occurrence), then
 * their writes made in ordered bulk writes (member ids added to quotations, reverse similar links, buckets; a pending
 * link resumed pulls before it pushes), then the articles' records written again with nothing pending (the write that
 * records the articles' statements anyway, so a link costs no "done" write of its own); a redelivery finishes pending
 * links (those its article lists as pending, or an older version's link with done = false), and removes (in
 * the same idempotent way) the links of statements the article no longer has or whose speaker, wording or article
 * data changed, before adding them again. Round trips per call (an article or a batch): a few per 500 statements.
 * <p>
 * Speaker ids: buckets and quotations are keyed by the speaker id a statement had when indexed. Reads follow merges
 * (a merged speaker answers as its target, and a target's quotations include those of the speakers merged into it);
 * a statement moved to another speaker (re-clustering, curation) is indexed again under it by
 * {@link io.quotegraph.statements.statement.service.StatementLinks#relink}, as if it had been written with it.
 */
@ApplicationScoped
public class QuotationService {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(QuotationService.class);

    public enum Sort { REACH, FIRST_SEEN }

    /**
     * The statements of one article that are grouped, the first by index: news articles have far fewer; a delivery
     * of thousands (a transcript, a list) would otherwise spend seconds on it (about three writes per statement).
     */
    public static final int MAX_STATEMENTS_PER_ARTICLE = 200;

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
        index(Map.of(articleId, articleStatements));
    }

    /**
     * Brings the index in line with these articles' statements as just stored (article id → all its statements): the
     * same as indexing the articles one after the other in the map's order, except that every statement's old link is
     * removed before any is decided, in a few round trips for all.
     */
    public void index(Map<String, List<Document>> statementsByArticle) {
        if (statementsByArticle.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        Map<String, Document> wanted = new LinkedHashMap<>();
        Map<String, QuoteText> texts = new HashMap<>();
        Map<String, Set<String>> wantedByArticle = new LinkedHashMap<>();
        statementsByArticle.forEach((articleId, articleStatements) -> {
            Set<String> ids = new LinkedHashSet<>();
            for (Document statement : articleStatements.subList(0, Math.min(articleStatements.size(), MAX_STATEMENTS_PER_ARTICLE))) {
                Document content = statement.get("content", Document.class);
                QuoteText text = statement.getString("speakerId") == null || content == null ? null
                        : QuoteText.of(content.getString("text"));
                if (text != null && !text.isEmpty()) {
                    wanted.put(statement.getString("_id"), statement);
                    texts.put(statement.getString("_id"), text);
                    ids.add(statement.getString("_id"));
                }
            }
            wantedByArticle.put(articleId, ids);
        });
        Map<String, QuotationLinkRepository.IndexedArticle> indexed = links.statementsOfArticles(statementsByArticle.keySet());
        Map<String, Set<String>> allByArticle = new LinkedHashMap<>();
        Set<String> all = new LinkedHashSet<>();
        Set<String> pendingBefore = new HashSet<>();
        wantedByArticle.forEach((articleId, ids) -> {
            QuotationLinkRepository.IndexedArticle article =
                    indexed.getOrDefault(articleId, QuotationLinkRepository.IndexedArticle.NONE);
            Set<String> ofArticle = new LinkedHashSet<>(article.statementIds());
            ofArticle.addAll(ids);
            allByArticle.put(articleId, ofArticle);
            all.addAll(ofArticle);
            pendingBefore.addAll(article.pending());
        });
        Map<String, Document> existing = links.findAll(all);
        List<Document> removed = new ArrayList<>();
        List<Document> added = new ArrayList<>();
        List<Document> pending = new ArrayList<>();
        for (String id : all) {
            Document link = existing.get(id);
            Document statement = wanted.get(id);
            if (link != null && (statement == null || !inputHash(statement).equals(link.getString("inputHash")))) {
                removed.add(link);
                link = null;
            }
            if (statement != null) {
                if (link == null) {
                    added.add(statement);
                } else if (pendingBefore.contains(id) || !link.getBoolean("done", true)) {
                    // its article was being indexed when a delivery stopped (a link of an older version says so itself)
                    pending.add(link);
                }
            }
        }
        // recorded before any change, so that a crash leaves every statement these articles may have indexed known,
        // and those whose writes are about to be made pending until the last write below
        Map<String, Set<String>> pendingByArticle = new LinkedHashMap<>();
        Set<String> pendingNow = new HashSet<>();
        added.forEach(statement -> pendingNow.add(statement.getString("_id")));
        pending.forEach(link -> pendingNow.add(link.getString("_id")));
        allByArticle.forEach((articleId, ids) -> pendingByArticle.put(articleId,
                ids.stream().filter(pendingNow::contains).collect(Collectors.toCollection(LinkedHashSet::new))));
        links.setStatementsOfArticles(allByArticle, pendingByArticle);
        remove(removed);
        apply(pending, true);
        List<Document> decided = decide(added, texts);
        links.saveAll(decided);
        apply(decided, false);
        // the articles' writes are all made: none pending any more (a link needs no "done" write of its own)
        links.setStatementsOfArticles(wantedByArticle, Map.of());
        LOG.debugf("%d articles: %d statements in quotations, %d added, %d removed in %d ms", statementsByArticle.size(),
                wanted.size(), added.size(), removed.size(), (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The links of new statements: each compared with its candidates ({@link QuoteBlocking}: its speaker's list, and
     * its buckets once the speaker has statements there), those stored and the statements decided before it (of its
     * article and of the articles indexed with it), so that a quote repeated within an article or a batch is grouped
     * too. A statement is filed in its speaker's list while the list has room, else in its buckets. {@code textOf}:
     * the statements' normalised wordings, by id.
     */
    private List<Document> decide(List<Document> statements, Map<String, QuoteText> textOf) {
        Set<String> speakerIds = new LinkedHashSet<>();
        statements.forEach(statement -> speakerIds.add(statement.getString("speakerId")));
        Map<String, QuotationBucketRepository.SpeakerList> stored = buckets.speakerLists(speakerIds);
        Map<String, List<String>> lists = new HashMap<>();
        Set<String> banded = new HashSet<>();
        for (String speakerId : speakerIds) {
            QuotationBucketRepository.SpeakerList list = stored.getOrDefault(speakerId, QuotationBucketRepository.SpeakerList.EMPTY);
            lists.put(speakerId, new ArrayList<>(list.statementIds()));
            if (list.banded()) {
                banded.add(speakerId);
            }
        }
        // where each statement is filed and which buckets its lookup reads depend only on the lists' sizes: known
        // before any bucket is read
        Set<String> listed = new HashSet<>();
        Map<String, List<String>> bucketsOf = new LinkedHashMap<>();
        Set<String> allBuckets = new LinkedHashSet<>();
        Map<String, Integer> listSizes = new HashMap<>();
        lists.forEach((speakerId, list) -> listSizes.put(speakerId, list.size()));
        for (Document statement : statements) {
            String id = statement.getString("_id");
            String speakerId = statement.getString("speakerId");
            boolean inList = listSizes.get(speakerId) < QuoteBlocking.SPEAKER_LIST_CAPACITY;
            List<String> bucketIds = banded.contains(speakerId) || !inList
                    ? QuotationBucketRepository.bucketIds(speakerId, QuoteBlocking.bandKeys(textOf.get(id))) : List.of();
            if (inList) {
                listed.add(id);
                listSizes.merge(speakerId, 1, Integer::sum);
            } else {
                banded.add(speakerId);
            }
            bucketsOf.put(id, bucketIds);
            allBuckets.addAll(bucketIds);
        }
        Map<String, List<String>> buckets = allBuckets.isEmpty() ? new HashMap<>() : this.buckets.findAll(allBuckets);
        Set<String> storedIds = new LinkedHashSet<>();
        lists.values().forEach(storedIds::addAll);
        buckets.values().forEach(storedIds::addAll);
        bucketsOf.keySet().forEach(storedIds::remove);
        Map<String, Grouping.Candidate> known = new HashMap<>();
        links.findCandidates(storedIds).forEach((id, candidate) ->
                known.put(id, new Grouping.Candidate(id, candidate.quotationId(), candidate.text())));
        List<Document> decided = new ArrayList<>(statements.size());
        for (Document statement : statements) {
            String id = statement.getString("_id");
            String speakerId = statement.getString("speakerId");
            QuoteText text = textOf.get(id);
            Set<String> candidateIds = new LinkedHashSet<>(lists.get(speakerId));
            for (String bucketId : bucketsOf.get(id)) {
                candidateIds.addAll(buckets.getOrDefault(bucketId, List.of()));
            }
            candidateIds.remove(id);
            List<Grouping.Candidate> candidates = candidateIds.stream().map(known::get).filter(Objects::nonNull).toList();
            Grouping.Decision decision = Grouping.decide(text, candidates);
            String inputHash = inputHash(statement);
            String quotationId = decision.quotationId() != null ? decision.quotationId()
                    : id + "~" + inputHash.substring(0, 8);
            Document content = statement.get("content", Document.class);
            boolean inList = listed.contains(id);
            List<String> filedIn = inList ? List.of() : bucketsOf.get(id);
            decided.add(QuotationLinkRepository.withText(new Document("_id", id)
                    .append("articleId", statement.getString("articleId"))
                    .append("speakerId", speakerId)
                    .append("inputHash", inputHash)
                    .append("content", content)
                    .append("source", statement.getString("source"))
                    .append("publishedAt", statement.get("publishedAt"))
                    .append("quotationId", quotationId)
                    .append("listed", inList)
                    .append("bucketIds", filedIn)
                    .append("similar", decision.similar().stream().map(s -> new Document("statementId", s.statementId())
                            .append("score", s.score())).toList()), text));
            // later statements of these articles see this one as the stored list and buckets will
            known.put(id, new Grouping.Candidate(id, quotationId, text));
            if (inList) {
                lists.get(speakerId).add(id);
            }
            for (String bucketId : filedIn) {
                List<String> bucket = buckets.computeIfAbsent(bucketId, k -> new ArrayList<>());
                bucket.remove(id);
                bucket.add(id);
                if (bucket.size() > QuoteBlocking.BUCKET_CAPACITY) {
                    bucket.remove(0);
                }
            }
        }
        return decided;
    }

    /**
     * The writes saved decisions imply: one membership write per quotation they join (its new members' ids; the
     * occurrence's data is the link just saved), the reverse similar links, the speaker lists (added to a set) and
     * buckets. A resumed (pending) link's writes may have been made in part, so its similar links and bucket entries
     * are pulled before they are pushed (adding a member or a list entry is idempotent already); a fresh one's
     * statement is in no bucket or similar list (removal takes it out of all), so its writes are pushes only.
     */
    private void apply(List<Document> decided, boolean resumed) {
        if (decided.isEmpty()) {
            return;
        }
        Map<String, QuotationRepository.Members> members = new LinkedHashMap<>();
        List<QuotationLinkRepository.SimilarLink> reverse = new ArrayList<>();
        Map<String, List<String>> listAdds = new LinkedHashMap<>();
        Set<String> banded = new LinkedHashSet<>();
        Map<String, List<String>> bucketAdds = new LinkedHashMap<>();
        for (Document link : decided) {
            String id = link.getString("_id");
            String speakerId = link.getString("speakerId");
            members.computeIfAbsent(link.getString("quotationId"), quotationId -> new QuotationRepository.Members(
                    quotationId, speakerId, new ArrayList<>())).statementIds().add(id);
            for (Document similar : link.getList("similar", Document.class, List.of())) {
                reverse.add(new QuotationLinkRepository.SimilarLink(similar.getString("statementId"), id,
                        similar.get("score", Number.class).doubleValue()));
            }
            if (link.getBoolean("listed", false)) {
                listAdds.computeIfAbsent(speakerId, k -> new ArrayList<>()).add(id);
            }
            for (String bucketId : link.getList("bucketIds", String.class, List.of())) {
                banded.add(speakerId);
                bucketAdds.computeIfAbsent(bucketId, k -> new ArrayList<>()).add(id);
            }
        }
        quotations.addMembers(members.values());
        links.addSimilar(reverse, resumed);
        buckets.addToSpeakerLists(listAdds, banded);
        buckets.add(bucketAdds, resumed);
    }

    /** Takes statements out of the index: buckets, quotations (deleting emptied ones), others' similar links, links. */
    private void remove(List<Document> removed) {
        if (removed.isEmpty()) {
            return;
        }
        Map<String, List<String>> listRemovals = new LinkedHashMap<>();
        Map<String, List<String>> bucketRemovals = new LinkedHashMap<>();
        Map<String, List<String>> membersByQuotation = new LinkedHashMap<>();
        List<QuotationLinkRepository.SimilarLink> reverse = new ArrayList<>();
        for (Document link : removed) {
            String id = link.getString("_id");
            if (link.getBoolean("listed", false)) {
                listRemovals.computeIfAbsent(link.getString("speakerId"), k -> new ArrayList<>()).add(id);
            }
            for (String bucketId : link.getList("bucketIds", String.class, List.of())) {
                bucketRemovals.computeIfAbsent(bucketId, k -> new ArrayList<>()).add(id);
            }
            membersByQuotation.computeIfAbsent(link.getString("quotationId"), k -> new ArrayList<>()).add(id);
            for (Document similar : link.getList("similar", Document.class, List.of())) {
                reverse.add(new QuotationLinkRepository.SimilarLink(similar.getString("statementId"), id, 0));
            }
        }
        buckets.removeFromSpeakerLists(listRemovals);
        buckets.remove(bucketRemovals);
        quotations.removeMembers(membersByQuotation);
        links.removeSimilar(reverse);
        links.deleteAll(removed.stream().map(link -> link.getString("_id")).toList());
    }

    /**
     * The stored shape of the index: part of every input hash, so that a redelivery re-indexes statements indexed in an
     * older shape (v1: occurrences embedded in quotations; v2: quotations list member ids, a link is the occurrence;
     * v3: speaker lists before buckets, links keep their wording's hashes).
     */
    private static final String SHAPE = "quotations-v3";

    /** What a statement's grouping depends on: a change of any of it (or of {@link #SHAPE}) re-indexes the statement. */
    private static String inputHash(Document statement) {
        Document content = statement.get("content", Document.class);
        Instant publishedAt = Dates.instant(statement.get("publishedAt"));
        String input = String.join("\u0000", SHAPE, statement.getString("speakerId"), content.getString("text"),
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
        return quotations.find(id).flatMap(q -> views(List.of(q), new HashMap<>()).stream().findFirst())
                .orElseThrow(() -> Params.notFound("quotation", id));
    }

    /** The quotations of these statements (each once; statements without one contribute nothing). */
    public List<QuotationView> ofStatements(List<String> statementIds) {
        Set<String> quotationIds = new LinkedHashSet<>();
        for (Document link : links.findAll(statementIds).values()) {
            quotationIds.add(link.getString("quotationId"));
        }
        Map<String, String> currentSpeakers = new HashMap<>();
        return views(quotations.findAll(quotationIds), currentSpeakers);
    }

    /**
     * A speaker's quotations (a merged speaker's are its target's), most widely reported first (articles, then sources,
     * then earliest) or newest first. Reads every quotation of the speaker and its members' links: O(occurrences of
     * the speaker).
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
        List<QuotationView> views = new ArrayList<>(views(quotations.findAll(quotationIds), currentSpeakers));
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
        Map<String, Document> found = links.findAll(statementIds);
        for (String statementId : statementIds) {
            Document link = found.get(statementId);
            if (link == null) {
                continue;
            }
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

    /**
     * The views of these quotations, in their order, reading their members' links in one go. A member counts when its
     * link names this quotation: a member being added or removed right now (its link saved before it is listed,
     * deleted after it is unlisted) shows as in its link. A quotation without such a member (its last one being
     * removed right now) is left out.
     */
    private List<QuotationView> views(List<Document> found, Map<String, String> currentSpeakers) {
        Set<String> memberIds = new LinkedHashSet<>();
        found.forEach(quotation -> memberIds.addAll(QuotationRepository.memberIds(quotation)));
        Map<String, Document> occurrences = links.findOccurrences(memberIds);
        List<QuotationView> views = new ArrayList<>(found.size());
        for (Document quotation : found) {
            List<Document> members = new ArrayList<>();
            for (String id : QuotationRepository.memberIds(quotation)) {
                Document link = occurrences.get(id);
                if (link != null && quotation.getString("_id").equals(link.getString("quotationId"))) {
                    members.add(link);
                }
            }
            if (!members.isEmpty()) {
                views.add(view(quotation, members, currentSpeakers));
            }
        }
        return views;
    }

    private QuotationView view(Document quotation, List<Document> members, Map<String, String> currentSpeakers) {
        List<Occurrence> occurrences = new ArrayList<>();
        List<QuotationOccurrenceView> views = new ArrayList<>();
        for (Document o : members) {
            Document content = o.get("content", Document.class);
            Instant publishedAt = Dates.instant(o.get("publishedAt"));
            occurrences.add(new Occurrence(o.getString("_id"), o.getString("articleId"), o.getString("source"),
                    publishedAt, content.getString("text")));
            views.add(new QuotationOccurrenceView(o.getString("_id"), o.getString("articleId"), o.getString("source"),
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
