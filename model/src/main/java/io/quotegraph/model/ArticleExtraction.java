package io.quotegraph.model;

import java.time.Instant;

/**
 * What ingest-service delivers to statements-service ({@code PUT /articles/{articleId}/extraction}):
 * the article's metadata and its extraction. Delivering the same value twice changes nothing.
 */
public record ArticleExtraction(
        String articleId,
        String url,
        String source,
        String title,
        Instant publishedAt,
        String language,
        Extraction extraction) {
}
