package io.quotegraph.ingest.article.service;

import io.quotegraph.model.view.ArticleView;

/**
 * What became of one submitted article.
 *
 * @param article the stored article: the new one, or the existing one it duplicates
 * @param created true if it was stored now, false if it duplicates an existing article
 * @param reason  for a duplicate, what it has in common with the existing article; null when created
 */
public record IngestResult(ArticleView article, boolean created, String reason) {

    public static IngestResult created(ArticleView article) {
        return new IngestResult(article, true, null);
    }

    public static IngestResult duplicate(ArticleView article, String reason) {
        return new IngestResult(article, false, reason);
    }
}
