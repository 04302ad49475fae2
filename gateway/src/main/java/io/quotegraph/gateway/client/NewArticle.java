package io.quotegraph.gateway.client;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/** The body of {@code POST /articles} on ingest-service. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewArticle(
        String url,
        String source,
        String title,
        String text,
        String html,
        Instant publishedAt,
        String language) {
}
