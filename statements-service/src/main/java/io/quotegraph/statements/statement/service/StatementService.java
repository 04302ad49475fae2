package io.quotegraph.statements.statement.service;

import io.quotegraph.model.Span;
import io.quotegraph.model.StatementKind;
import io.quotegraph.model.view.Page;
import io.quotegraph.model.view.StatementView;
import io.quotegraph.statements.common.Criteria;
import io.quotegraph.statements.common.Dates;
import io.quotegraph.statements.common.IdSets;
import io.quotegraph.statements.common.Params;
import io.quotegraph.statements.common.TextTokens;
import io.quotegraph.statements.delivery.repository.DeliveryRepository;
import io.quotegraph.statements.speaker.repository.ArticleSpeakerRepository;
import io.quotegraph.statements.statement.repository.StatementRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Reading statements; see {@link StatementQuery} for the filters. */
@ApplicationScoped
public class StatementService {

    public static final int MAX_TEXT_WORDS = 50;

    @Inject
    StatementRepository statements;
    @Inject
    DeliveryRepository deliveries;
    @Inject
    ArticleSpeakerRepository articleSpeakers;
    @Inject
    IdSets sets;

    /** The filters of GET /statements; empty lists and nulls mean "any". Dates are inclusive. */
    public record StatementQuery(List<String> speakerIds, List<String> articleIds, List<String> occasionIds,
                                 List<String> ids, String text, StatementKind kind, Instant from, Instant to,
                                 List<String> entityIds, List<String> sources, boolean oldestFirst) {

        public StatementQuery(List<String> speakerIds, List<String> articleIds, List<String> occasionIds,
                              List<String> ids, String text, StatementKind kind, Instant from, Instant to,
                              List<String> entityIds) {
            this(speakerIds, articleIds, occasionIds, ids, text, kind, from, to, entityIds, List.of(), false);
        }

        public StatementQuery(List<String> speakerIds, List<String> articleIds, List<String> occasionIds,
                              List<String> ids, String text, StatementKind kind, Instant from, Instant to) {
            this(speakerIds, articleIds, occasionIds, ids, text, kind, from, to, List.of());
        }
    }

    /**
     * Statements matching every filter, newest article first, then by article and position. A filter by article,
     * event, speaker or entity is answered from the statement ids these stand for (read by _id, see {@link IdSets});
     * other filters alone are a query over all statements.
     */
    public Page<StatementView> list(StatementQuery q, int offset, int limit) {
        Criteria criteria = new Criteria()
                .in("speakerId", q.speakerIds())
                .in("articleId", q.articleIds())
                .in("occasionId", q.occasionIds())
                .in("aboutIds", q.entityIds())
                .in("source", q.sources())
                .between("publishedAt", Dates.toBson(q.from()), Dates.toBson(q.to()));
        if (q.kind() != null) {
            criteria.eq("kind", q.kind().name());
        }
        boolean text = q.text() != null && !q.text().isBlank();
        if (text) {
            // normalised words only (letters and digits): user input never becomes an operator or a regex
            List<String> words = TextTokens.tokens(q.text());
            if (words.isEmpty()) {
                return new Page<>(List.of(), offset, limit, 0);
            }
            if (words.size() > MAX_TEXT_WORDS) {
                throw Params.invalid("text", "at most " + MAX_TEXT_WORDS + " words are allowed, got " + words.size());
            }
            criteria.all("tokens", words);
        }
        Set<String> candidates = candidateIds(q);
        if (candidates == null && given(q.ids())) {
            candidates = new LinkedHashSet<>(q.ids());
        }
        if (candidates != null) {
            if (given(q.ids())) {
                candidates.retainAll(q.ids());
            }
            return statements.pageById(candidates, criteria, text, q.oldestFirst(), offset, limit, StatementService::toView);
        }
        if (criteria.isEmpty()) {
            return inPublicationOrder(q.oldestFirst(), offset, limit);
        }
        return statements.page(criteria.filter(), q.oldestFirst(), offset, limit, StatementService::toView);
    }

    /**
     * A page of all statements without sorting them all: the deliveries (one small document per article, with its
     * publishedAt and statement slots) are walked in publication order, and only the statements of the articles that
     * can hold the page are read, by _id. Same order as the statements' own (publishedAt, articleId, index), since a
     * statement's publishedAt is its article's; the total is the collection's count.
     */
    private Page<StatementView> inPublicationOrder(boolean oldestFirst, int offset, int limit) {
        long total = statements.count();
        List<StatementView> items = new ArrayList<>();
        if (limit <= 0 || offset >= total) {
            return new Page<>(items, offset, limit, total);
        }
        long wanted = (long) offset + limit;
        long found = 0;
        Set<String> candidates = new LinkedHashSet<>();
        long candidateSlots = 0;
        for (Document delivery : deliveries.inPublicationOrder(oldestFirst)) {
            int slots = DeliveryRepository.statementSlots(delivery);
            if (slots == 0) {
                continue;
            }
            candidates.addAll(StatementRepository.idsOfArticle(delivery.getString("_id"), slots));
            candidateSlots += slots;
            if (found + candidateSlots >= wanted) {
                found += read(candidates, oldestFirst, offset - found, items, limit);
                if (items.size() >= limit) {
                    break;
                }
                candidates.clear();
                candidateSlots = 0; // slots left empty (shorter redeliveries in progress): read further articles
            }
        }
        if (!candidates.isEmpty() && items.size() < limit) {
            read(candidates, oldestFirst, offset - found, items, limit);
        }
        return new Page<>(items, offset, limit, total);
    }

    /** Reads candidates in order, skipping the first {@code skip} found, adding to items up to limit; how many exist. */
    private long read(Set<String> candidates, boolean oldestFirst, long skip, List<StatementView> items, int limit) {
        int from = (int) Math.max(0, skip);
        Page<StatementView> page = statements.pageById(candidates, new Criteria(), false, oldestFirst, from,
                limit - items.size(), StatementService::toView);
        items.addAll(page.items());
        return page.totalCount();
    }

    /**
     * Ids that include every statement of the query's articles, events, speakers or entities (the first of these
     * filters given); null when the query has none of them.
     */
    private Set<String> candidateIds(StatementQuery q) {
        if (given(q.articleIds())) {
            return idsOfArticles(q.articleIds());
        }
        if (given(q.occasionIds())) {
            Set<String> ids = new LinkedHashSet<>();
            q.occasionIds().forEach(eventId -> ids.addAll(sets.membersOf(IdSets.EVENT_STATEMENTS, eventId)));
            return ids;
        }
        List<String> entityIds = given(q.speakerIds()) ? q.speakerIds() : q.entityIds();
        if (given(entityIds)) {
            // a statement names a speaker or entity through its article's mapping to it
            return idsOfArticles(articlesOf(entityIds));
        }
        return null;
    }

    /**
     * Every statement of these speakers, by speaker (each speaker's in article and position order): the statements of
     * the articles that map a name to them (read by _id), kept when they are still theirs.
     */
    public Map<String, List<StatementView>> ofSpeakers(Collection<String> speakerIds) {
        Map<String, List<StatementView>> bySpeaker = new LinkedHashMap<>();
        speakerIds.forEach(id -> bySpeaker.put(id, new ArrayList<>()));
        for (Document statement : statements.findByIds(idsOfArticles(articlesOf(speakerIds)))) {
            List<StatementView> own = bySpeaker.get(statement.getString("speakerId"));
            if (own != null) {
                own.add(toView(statement));
            }
        }
        return bySpeaker;
    }

    /** The articles that map a name to any of these speakers or entities (their id sets and mappings read once). */
    private Set<String> articlesOf(Collection<String> speakerIds) {
        Set<String> articleIds = new TreeSet<>();
        articleSpeakers.findBySpeakers(speakerIds).values()
                .forEach(mappings -> mappings.forEach(m -> articleIds.add(m.getString("articleId"))));
        return articleIds;
    }

    private Set<String> idsOfArticles(Collection<String> articleIds) {
        Set<String> ids = new LinkedHashSet<>();
        deliveries.statementSlots(articleIds).forEach((articleId, slots) ->
                ids.addAll(StatementRepository.idsOfArticle(articleId, slots)));
        return ids;
    }

    public StatementView get(String id) {
        return statements.findById(id).map(StatementService::toView).orElseThrow(() -> Params.notFound("statement", id));
    }

    private static boolean given(List<String> values) {
        return values != null && !values.isEmpty();
    }

    /** The stored form of a span. */
    public static Document spanDocument(Span span) {
        return span == null ? null
                : new Document("start", span.start()).append("end", span.end()).append("text", span.text());
    }

    static Span span(Document d) {
        if (d == null) {
            return null;
        }
        return new Span(d.getInteger("start", 0), d.getInteger("end", 0), d.getString("text"));
    }

    static StatementView toView(Document d) {
        Number confidence = d.get("confidence", Number.class);
        String kind = d.getString("kind");
        return new StatementView(d.getString("_id"), d.getString("articleId"), d.getInteger("index", 0),
                kind == null ? null : StatementKind.valueOf(kind),
                span(d.get("content", Document.class)), span(d.get("cue", Document.class)),
                span(d.get("speakerMention", Document.class)), d.getString("speakerId"),
                confidence == null ? 0 : confidence.doubleValue(), d.getString("occasionId"),
                Dates.instant(d.get("publishedAt")), d.getString("source"), d.getList("aboutIds", String.class, List.of()),
                d.getList("aboutEventIds", String.class, List.of()));
    }
}
