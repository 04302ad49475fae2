package io.quotegraph.gateway.client;

/**
 * One line of ingest-service's answer to {@code POST /articles/batch}: the 1-based line, "accepted", "duplicate" or
 * "rejected", the article's id (absent when rejected) and the reason (rejections, duplicates).
 */
public record BatchLineResult(int line, String status, String id, String reason) {
}
