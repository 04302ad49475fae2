package io.quotegraph.model.view;

import java.time.Instant;
import java.util.List;

/**
 * An article as ingest-service serves it ({@code GET /articles/{id}}). {@code text} is the cleaned text all offsets refer to.
 * {@code language} is the given or detected language ({@code languageConfidence} is null when it was given).
 * {@code duplicateOf} is the id of the article this one republishes (its statements are not delivered again);
 * {@code alsoPublishedBy} lists the other outlets that published this article's story.
 */
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
        Instant createdAt,
        Double languageConfidence,
        String duplicateOf,
        List<PublishedCopy> alsoPublishedBy) {

    public ArticleView {
        alsoPublishedBy = alsoPublishedBy == null ? List.of() : List.copyOf(alsoPublishedBy);
    }

    /** An original article with no copies and a given (not detected) language. */
    public ArticleView(String id, String url, String source, String title, String text, Instant publishedAt,
                       String language, String contentHash, ArticleStatus status, String statusReason, Instant createdAt) {
        this(id, url, source, title, text, publishedAt, language, contentHash, status, statusReason, createdAt,
                null, null, List.of());
    }
}
