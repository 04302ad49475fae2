package io.quotegraph.ingest.delivery;

import io.quotegraph.model.view.ArticleStatus;

import java.time.Instant;
import java.util.UUID;

/** What the worker needs of one article, read in a short transaction. */
record DeliveryItem(UUID id, ArticleStatus status, String url, String source, String title, String text,
                    Instant publishedAt, String language, String extractionJson, int attempts) {
}
