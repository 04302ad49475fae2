package io.quotegraph.ingest.feed;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code feed} (schema: db/migration/V2__feeds_near_duplicates_language.sql). */
@Entity
@Table(name = "feed")
public class FeedEntity {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String url;

    public String source;

    @Column(name = "poll_interval_s", nullable = false)
    public int pollIntervalSeconds;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "next_poll_at", nullable = false)
    public Instant nextPollAt;

    @Column(name = "last_polled_at")
    public Instant lastPolledAt;

    @Column(name = "last_success_at")
    public Instant lastSuccessAt;

    @Column(name = "last_item_key")
    public String lastItemKey;

    @Column(name = "last_item_at")
    public Instant lastItemAt;

    @Column(name = "items_ingested", nullable = false)
    public long itemsIngested;

    @Column(name = "consecutive_errors", nullable = false)
    public int consecutiveErrors;

    @Column(name = "last_error")
    public String lastError;
}
