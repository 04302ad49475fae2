package io.quotegraph.ingest.delivery;

import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.Instant;

/**
 * {@link io.quotegraph.model.ArticleExtraction} as it is sent, with the extraction written as the JSON it is stored
 * as: an article's payload is serialised once and sent as those bytes, not again to bound requests and by the REST
 * client. The same fields in the same order ({@code DeliveryTest} compares the two forms' JSON).
 */
record PayloadJson(String articleId, String url, String source, String title, Instant publishedAt, String language,
                   @JsonRawValue String extraction) {
}
