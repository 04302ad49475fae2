package io.quotegraph.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The delivery worker's settings ({@code ingest.delivery.*}). */
@ConfigMapping(prefix = "ingest.delivery")
public interface DeliveryConfig {

    /** false: nothing is extracted or delivered (articles stay PENDING). */
    @WithDefault("true")
    boolean enabled();

    /** How often the worker looks for due articles (it is also woken right after each ingest). */
    @WithDefault("1s")
    Duration interval();

    /** Most articles claimed per round. */
    @WithDefault("20")
    int batchSize();

    /** How many claimed articles are extracted at the same time. */
    @WithDefault("2")
    int concurrency();

    /**
     * Most articles in one delivery request; a claimed batch goes in as few requests as this and
     * {@link #requestBytes()} allow (statements-service takes at most 100 articles and 16 MiB per request).
     */
    @WithDefault("50")
    int requestArticles();

    /** Largest delivery request body, in bytes (an article larger than this alone goes in a request of its own). */
    @WithDefault("8388608")
    long requestBytes();

    /** How long a claimed article is reserved for its worker; after that another worker may take it again. */
    @WithDefault("120s")
    Duration lease();

    /** Wait before the first retry of a failed delivery; doubles with every further failure. */
    @WithDefault("1s")
    Duration backoffInitial();

    /** Longest wait between retries. */
    @WithDefault("5m")
    Duration backoffMax();
}
