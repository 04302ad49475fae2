package io.quotegraph.ingest.article.service;

import java.time.Instant;
import java.util.List;

/**
 * A validated {@code GET /articles} query.
 *
 * @param ids      when not null, only these articles (unknown ids are simply missing)
 * @param withText false: the articles' text is left out (null), and not read
 */
public record ArticleQuery(String source, Instant from, Instant to, List<String> ids, int offset, int limit,
                           boolean withText) {
}
