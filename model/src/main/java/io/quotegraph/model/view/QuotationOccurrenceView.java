package io.quotegraph.model.view;

import io.quotegraph.model.Span;

import java.time.Instant;

/** One statement reporting a quotation: its article, source, publication time and its wording with offsets. */
public record QuotationOccurrenceView(
        String statementId,
        String articleId,
        String source,
        Instant publishedAt,
        Span content) {
}
