package io.quotegraph.model.view;

import java.time.Instant;

/**
 * Another outlet's publication of an article's story: an exact or near-duplicate that was linked to the article
 * instead of being counted as a story of its own. {@code articleId} is the stored duplicate article, or null when the
 * copy was an exact copy of the text (such a copy is not stored again).
 */
public record PublishedCopy(String articleId, String source, String url, Instant publishedAt) {
}
