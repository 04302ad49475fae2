package io.quotegraph.statements.statement.service;

import io.quotegraph.model.view.ParentStatementsView;
import io.quotegraph.model.view.StatementView;
import io.quotegraph.statements.common.Dates;
import io.quotegraph.statements.delivery.repository.DeliveryRepository;
import io.quotegraph.statements.speaker.repository.ArticleSpeakerRepository;
import io.quotegraph.statements.statement.repository.StatementRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The first N statements and the total of each of several parents (articles or speakers) in one request
 * ({@code GET /statements/per-parent}): what a nested {@code statements(first: N)} needs for a whole level of a GraphQL
 * query, reading by _id only the statements that can be among the first N instead of every statement of every parent.
 * Each parent's items are those {@code GET /statements?articleId=…} (or {@code speakerId=…}) lists first for it alone.
 */
@ApplicationScoped
public class PerParentStatements {

    public static final int MAX_PARENTS = 100;
    public static final int MAX_FIRST = 100;
    /** Parents × first: the most statements one request returns (the list endpoint's largest page). */
    public static final int MAX_ITEMS = 1000;

    /** Newest article first, then by article id: the order of the statement list. */
    private static final Comparator<ArticleCount> NEWEST_FIRST = Comparator
            .comparing(ArticleCount::publishedAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(ArticleCount::articleId);

    @Inject
    StatementRepository statements;
    @Inject
    DeliveryRepository deliveries;
    @Inject
    ArticleSpeakerRepository articleSpeakers;

    /**
     * Each article's statements 0 … first-1 (text order) and its total, the statement count of its last completed
     * delivery. Statement ids are "{articleId}:{index}", so the candidates are known without reading the statements;
     * only slots left empty (a redelivery in progress) make a further read for the articles that came up short.
     */
    public List<ParentStatementsView> ofArticles(List<String> articleIds, int first) {
        Map<String, DeliveryRepository.Extent> extents = deliveries.extents(articleIds);
        Map<String, List<StatementView>> found = new HashMap<>();
        Map<String, Integer> readUpTo = new HashMap<>();
        articleIds.forEach(id -> {
            found.put(id, new ArrayList<>());
            readUpTo.put(id, 0);
        });
        while (true) {
            Set<String> candidates = new LinkedHashSet<>();
            for (String articleId : articleIds) {
                DeliveryRepository.Extent extent = extents.get(articleId);
                int from = readUpTo.get(articleId);
                int missing = first - found.get(articleId).size();
                if (extent == null || missing <= 0 || from >= extent.slots()) {
                    continue;
                }
                int to = Math.min(extent.slots(), from + missing);
                for (int index = from; index < to; index++) {
                    candidates.add(articleId + ":" + index);
                }
                readUpTo.put(articleId, to);
            }
            if (candidates.isEmpty()) {
                break;
            }
            // sorted by article and position, so each article's items are appended in text order
            for (Document statement : statements.findByIdsWithoutTokens(candidates)) {
                found.get(statement.getString("articleId")).add(StatementService.toView(statement));
            }
        }
        List<ParentStatementsView> result = new ArrayList<>(articleIds.size());
        for (String articleId : articleIds) {
            List<StatementView> items = found.get(articleId);
            DeliveryRepository.Extent extent = extents.get(articleId);
            // during an article's first delivery there is no completed count yet: at least what is listed
            long total = Math.max(extent == null ? 0 : extent.statements(), items.size());
            result.add(new ParentStatementsView(articleId, total, items));
        }
        return result;
    }

    /**
     * Each speaker's newest {@code first} statements and its total. The speaker's mappings (one per article name that
     * resolves to it, found through its id set) carry the article's publishedAt and how many of the article's
     * statements that name made: the total is their sum (as the speaker's own statementCount), and the articles are
     * walked newest first, reading by _id the statements of only as many articles as the counts say hold the first N
     * (for all speakers at once; another round only for speakers that came up short).
     * <p>
     * Caveat: a mapping's speaker and its statements' speakerId are written one after the other when resolution moves
     * a name to another speaker, so while that runs the total can differ from the statements listed (a statement is
     * listed under the speaker its own speakerId names, exactly as {@code GET /statements?speakerId=} does).
     */
    public List<ParentStatementsView> ofSpeakers(List<String> speakerIds, int first) {
        Map<String, List<Document>> mappings = articleSpeakers.findBySpeakers(speakerIds);
        Map<String, Long> totals = new HashMap<>();
        Map<String, Deque<ArticleCount>> toRead = new HashMap<>();
        Map<String, List<StatementView>> found = new HashMap<>();
        for (String speakerId : speakerIds) {
            Map<String, ArticleCount> byArticle = new LinkedHashMap<>();
            long total = 0;
            for (Document mapping : mappings.getOrDefault(speakerId, List.of())) {
                Number count = mapping.get("statementCount", Number.class);
                int statementCount = count == null ? 0 : count.intValue();
                total += statementCount;
                // one article may name the speaker more than once (two keys resolved to one person)
                byArticle.merge(mapping.getString("articleId"),
                        new ArticleCount(mapping.getString("articleId"), Dates.instant(mapping.get("publishedAt")), statementCount),
                        (a, b) -> new ArticleCount(a.articleId(), a.publishedAt(), a.statements() + b.statements()));
            }
            totals.put(speakerId, total);
            toRead.put(speakerId, new ArrayDeque<>(byArticle.values().stream()
                    .filter(a -> a.statements() > 0).sorted(NEWEST_FIRST).toList()));
            found.put(speakerId, new ArrayList<>());
        }
        while (true) {
            Map<String, List<String>> articlesBySpeaker = new LinkedHashMap<>();
            Set<String> articles = new LinkedHashSet<>();
            for (String speakerId : speakerIds) {
                int missing = first - found.get(speakerId).size();
                Deque<ArticleCount> queue = toRead.get(speakerId);
                List<String> chosen = new ArrayList<>();
                for (int covered = 0; missing > 0 && covered < missing && !queue.isEmpty(); ) {
                    ArticleCount next = queue.poll();
                    chosen.add(next.articleId());
                    covered += next.statements();
                }
                if (!chosen.isEmpty()) {
                    articlesBySpeaker.put(speakerId, chosen);
                    articles.addAll(chosen);
                }
            }
            if (articles.isEmpty()) {
                break;
            }
            Map<String, List<Document>> byArticle = new HashMap<>();
            Set<String> candidates = new LinkedHashSet<>();
            deliveries.statementSlots(articles).forEach((articleId, slots) ->
                    candidates.addAll(StatementRepository.idsOfArticle(articleId, slots)));
            for (Document statement : statements.findByIdsWithoutTokens(candidates)) {
                byArticle.computeIfAbsent(statement.getString("articleId"), a -> new ArrayList<>()).add(statement);
            }
            articlesBySpeaker.forEach((speakerId, chosen) -> {
                List<StatementView> own = found.get(speakerId);
                for (String articleId : chosen) {
                    for (Document statement : byArticle.getOrDefault(articleId, List.of())) {
                        if (own.size() < first && speakerId.equals(statement.getString("speakerId"))) {
                            own.add(StatementService.toView(statement));
                        }
                    }
                }
            });
        }
        List<ParentStatementsView> result = new ArrayList<>(speakerIds.size());
        for (String speakerId : speakerIds) {
            result.add(new ParentStatementsView(speakerId, totals.get(speakerId), found.get(speakerId)));
        }
        return result;
    }

    /** How many statements of one article a speaker made, by its mappings. */
    private record ArticleCount(String articleId, Instant publishedAt, int statements) {
    }
}
