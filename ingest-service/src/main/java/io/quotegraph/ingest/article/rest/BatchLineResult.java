package io.quotegraph.ingest.article.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of the answer to {@code POST /articles/batch}.
 *
 * @param line   the 1-based line number in the request body (blank lines are skipped but counted)
 * @param status accepted (stored now), duplicate (an existing article, whose id is given) or rejected
 * @param id     the article's id; absent when rejected
 * @param reason why it was rejected, or what the duplicate has in common with the existing article
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchLineResult(int line, String status, String id, String reason) {

    public static final String ACCEPTED = "accepted";
    public static final String DUPLICATE = "duplicate";
    public static final String REJECTED = "rejected";
}
