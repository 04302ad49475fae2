package io.quotegraph.model.view;

/** The answer to {@code PUT /articles/{id}/extraction}: how many statements the article now has, and whether anything changed. */
public record DeliveryResult(String articleId, int statements, boolean changed) {
}
