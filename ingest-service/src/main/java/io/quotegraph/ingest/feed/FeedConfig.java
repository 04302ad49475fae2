package io.quotegraph.ingest.feed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Feed polling ({@code ingest.feeds.*}, see README.md). */
@ConfigMapping(prefix = "ingest.feeds")
public interface FeedConfig {

    /** Whether the scheduled poller runs. */
    @WithDefault("true")
    boolean enabled();

    /** How often the poller looks for due feeds. */
    @WithDefault("10s")
    Duration checkInterval();

    /** Poll interval of a feed registered without one, in seconds. */
    @WithDefault("900")
    int defaultPollIntervalSeconds();

    /** Smallest poll interval accepted, in seconds. */
    @WithDefault("60")
    int minPollIntervalSeconds();

    /** Longest wait after repeated failures (the interval doubles with each consecutive error up to this). */
    @WithDefault("6h")
    Duration backoffMax();

    /** Connect and read timeout of one fetch. */
    @WithDefault("15s")
    Duration fetchTimeout();

    /** Largest feed document fetched, in bytes. */
    @WithDefault("8388608")
    int maxFeedBytes();

    /** Feeds polled per round (the rest wait for the next round). */
    @WithDefault("10")
    int batchSize();
}
