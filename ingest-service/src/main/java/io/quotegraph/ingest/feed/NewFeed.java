package io.quotegraph.ingest.feed;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /feeds}: the feed's URL, the source its items get (else the feed's title), how often to poll. */
public record NewFeed(
        @NotBlank(message = "is required: the feed's http or https URL")
        @Size(max = 2048, message = "must be at most 2048 characters") String url,
        @Size(max = 200, message = "must be at most 200 characters") String source,
        Integer pollIntervalSeconds) {
}
