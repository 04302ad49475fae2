package io.quotegraph.model.view;

/**
 * PENDING: stored, not yet extracted. EXTRACTED: extracted, not yet delivered. DELIVERED: its statements are queryable.
 * FAILED: the last attempt failed; it is retried. DUPLICATE: a republication of another article ({@code duplicateOf}),
 * whose statements are not delivered again. SKIPPED: not extracted because the extractor does not support its language
 * ({@code statusReason} says which).
 */
public enum ArticleStatus { PENDING, EXTRACTED, DELIVERED, FAILED, DUPLICATE, SKIPPED }
