package io.quotegraph.model.view;

import io.quotegraph.model.Span;
import io.quotegraph.model.StatementKind;

import java.time.Instant;
import java.util.List;

/**
 * A statement as statements-service serves it. {@code id} is "{articleId}:{index}", stable across re-deliveries.
 * {@code aboutIds}: the canonical entities the content names (Statement.about); {@code aboutEventIds}: the reported
 * events it talks about.
 * {@code publishedAt} and {@code source} are copied from the article so that statements can be filtered without a join.
 */
public record StatementView(
        String id,
        String articleId,
        int index,
        StatementKind kind,
        Span content,
        Span cue,
        Span speakerMention,
        String speakerId,
        double confidence,
        String occasionId,
        Instant publishedAt,
        String source,
        List<String> aboutIds,
        List<String> aboutEventIds) {

    public StatementView {
        aboutIds = aboutIds == null ? List.of() : List.copyOf(aboutIds);
        aboutEventIds = aboutEventIds == null ? List.of() : List.copyOf(aboutEventIds);
    }

    /** A statement whose events are not linked. */
    public StatementView(String id, String articleId, int index, StatementKind kind, Span content, Span cue,
                         Span speakerMention, String speakerId, double confidence, String occasionId, Instant publishedAt,
                         String source, List<String> aboutIds) {
        this(id, articleId, index, kind, content, cue, speakerMention, speakerId, confidence, occasionId, publishedAt,
                source, aboutIds, List.of());
    }

    /** A statement whose entities are not linked. */
    public StatementView(String id, String articleId, int index, StatementKind kind, Span content, Span cue,
                         Span speakerMention, String speakerId, double confidence, String occasionId, Instant publishedAt,
                         String source) {
        this(id, articleId, index, kind, content, cue, speakerMention, speakerId, confidence, occasionId, publishedAt,
                source, List.of());
    }
}
