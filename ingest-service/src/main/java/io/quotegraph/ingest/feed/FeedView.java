package io.quotegraph.ingest.feed;

import java.time.Instant;

/** A registered feed and its polling state, as {@code /feeds} serves it. */
public record FeedView(String id, String url, String source, int pollIntervalSeconds, Instant createdAt,
                       Instant nextPollAt, Instant lastPolledAt, Instant lastSuccessAt, String lastItemKey,
                       Instant lastItemAt, long itemsIngested, int consecutiveErrors, String lastError) {

    static FeedView of(FeedEntity f) {
        return new FeedView(f.id.toString(), f.url, f.source, f.pollIntervalSeconds, f.createdAt, f.nextPollAt,
                f.lastPolledAt, f.lastSuccessAt, f.lastItemKey, f.lastItemAt, f.itemsIngested, f.consecutiveErrors,
                f.lastError);
    }
}
