package io.quotegraph.model.view;

import java.time.Instant;

/** An article as ingest-service serves it ({@code GET /articles/{id}}). {@code text} is the cleaned text all offsets refer to. */
public record ArticleView(
        String id,
        String url,
        String source,
        String title,
        String text,
        Instant publishedAt,
        String language,
        String contentHash,
        ArticleStatus status,
        String statusReason,
        Instant createdAt) {
}
