package io.quotegraph.model.view;

/**
 * A statement similar to {@code statementId}: the same speaker saying nearly the same thing on another occasion (not
 * a report of the same utterance, which would share its quotation). {@code score} is in 0..1, higher is closer.
 */
public record SimilarStatementView(
        String statementId,
        StatementView similar,
        double score) {
}
