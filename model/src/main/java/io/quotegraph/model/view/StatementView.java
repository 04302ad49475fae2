package io.quotegraph.model.view;

import io.quotegraph.model.Span;
import io.quotegraph.model.StatementKind;

import java.time.Instant;

/**
 * A statement as statements-service serves it. {@code id} is "{articleId}:{index}", stable across re-deliveries.
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
        String source) {
}
