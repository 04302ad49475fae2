package io.quotegraph.ingest.article.service;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * The body of {@code POST /articles} and one line of {@code POST /articles/batch}. Exactly one of {@code text} and
 * {@code html} must be given; unknown fields are rejected.
 */
public record NewArticle(
        @Size(max = 2048, message = "must be at most 2048 characters") String url,
        @Size(max = 200, message = "must be at most 200 characters") String source,
        @Size(max = 1000, message = "must be at most 1000 characters") String title,
        String text,
        String html,
        @NotNull(message = "is required: the publication time as an ISO-8601 instant, e.g. 2023-09-26T09:00:00Z")
        Instant publishedAt,
        @Size(max = 35, message = "must be at most 35 characters")
        @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", message = "must be a language tag such as \"en\" or \"en-US\"")
        String language) {
}
