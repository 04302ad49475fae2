package io.quotegraph.ingest.article.service;

import io.quotegraph.model.view.ArticleStatus;

import java.time.Instant;

/** An article's processing state alone: what a caller waiting for its delivery polls. */
public record ArticleStatusView(String id, ArticleStatus status, Instant deliveredAt) {
}
