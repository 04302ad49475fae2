package io.quotegraph.gateway.client;

import io.quotegraph.model.StatementKind;

import java.time.Instant;
import java.util.List;

/** The filters of {@code GET /statements}; null or empty means "any". */
public record StatementQuery(
        List<String> speakerIds,
        List<String> articleIds,
        List<String> occasionIds,
        List<String> ids,
        String text,
        StatementKind kind,
        Instant from,
        Instant to,
        List<String> entityIds,
        List<String> sources,
        boolean oldestFirst) {

    /** Without entity and source filters, newest first. */
    public StatementQuery(List<String> speakerIds, List<String> articleIds, List<String> occasionIds, List<String> ids,
                          String text, StatementKind kind, Instant from, Instant to) {
        this(speakerIds, articleIds, occasionIds, ids, text, kind, from, to, null, null, false);
    }

    public static StatementQuery all() {
        return new StatementQuery(null, null, null, null, null, null, null, null);
    }

    public static StatementQuery bySpeakers(List<String> speakerIds) {
        return new StatementQuery(speakerIds, null, null, null, null, null, null, null);
    }

    public static StatementQuery byArticles(List<String> articleIds) {
        return new StatementQuery(null, articleIds, null, null, null, null, null, null);
    }

    public static StatementQuery byOccasions(List<String> occasionIds) {
        return new StatementQuery(null, null, occasionIds, null, null, null, null, null);
    }
}
