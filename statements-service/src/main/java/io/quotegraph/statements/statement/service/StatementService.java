package io.quotegraph.statements.statement.service;

import com.mongodb.client.model.Filters;
import io.quotegraph.model.Span;
import io.quotegraph.model.StatementKind;
import io.quotegraph.model.view.Page;
import io.quotegraph.model.view.StatementView;
import io.quotegraph.statements.common.Dates;
import io.quotegraph.statements.common.Params;
import io.quotegraph.statements.common.TextTokens;
import io.quotegraph.statements.statement.repository.StatementRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reading statements; see {@link StatementQuery} for the filters. */
@ApplicationScoped
public class StatementService {

    public static final int MAX_TEXT_WORDS = 50;

    @Inject
    StatementRepository statements;

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

    /** Statements matching every filter, newest article first, then by article and position. */
    public Page<StatementView> list(StatementQuery q, int offset, int limit) {
        List<Bson> filters = new ArrayList<>();
        addIn(filters, "speakerId", q.speakerIds());
        addIn(filters, "articleId", q.articleIds());
        addIn(filters, "occasionId", q.occasionIds());
        addIn(filters, "_id", q.ids());
        addIn(filters, "aboutIds", q.entityIds());
        addIn(filters, "source", q.sources());
        if (q.kind() != null) {
            filters.add(Filters.eq("kind", q.kind().name()));
        }
        if (q.from() != null) {
            filters.add(Filters.gte("publishedAt", Dates.toBson(q.from())));
        }
        if (q.to() != null) {
            filters.add(Filters.lte("publishedAt", Dates.toBson(q.to())));
        }
        if (q.text() != null && !q.text().isBlank()) {
            // normalised words only (letters and digits): user input never becomes an operator or a regex
            List<String> words = TextTokens.tokens(q.text());
            if (words.isEmpty()) {
                return new Page<>(List.of(), offset, limit, 0);
            }
            if (words.size() > MAX_TEXT_WORDS) {
                throw Params.invalid("text", "at most " + MAX_TEXT_WORDS + " words are allowed, got " + words.size());
            }
            filters.add(Filters.all("tokens", words));
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        return statements.page(filter, q.oldestFirst(), offset, limit, StatementService::toView);
    }

    public StatementView get(String id) {
        return statements.findById(id).map(StatementService::toView).orElseThrow(() -> Params.notFound("statement", id));
    }

    private static void addIn(List<Bson> filters, String field, List<String> values) {
        if (values != null && !values.isEmpty()) {
            filters.add(values.size() == 1 ? Filters.eq(field, values.get(0)) : Filters.in(field, values));
        }
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
                Dates.instant(d.get("publishedAt")), d.getString("source"), d.getList("aboutIds", String.class, List.of()));
    }
}
