package io.quotegraph.ingest.article.service;

import java.util.UUID;

/** CDI event fired after a new article was committed (status PENDING): wakes the delivery worker up. */
public record ArticleStored(UUID id) {
}
