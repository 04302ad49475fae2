package io.quotegraph.model.view;

/** PENDING: stored, not yet extracted. EXTRACTED: extracted, not yet delivered. DELIVERED: its statements are queryable. FAILED: the last attempt failed; it is retried. */
public enum ArticleStatus { PENDING, EXTRACTED, DELIVERED, FAILED }
