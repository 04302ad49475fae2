package io.quotegraph.ingest.delivery;

import java.time.Duration;

/** Exponential backoff: {@code initial × 2^(failures−1)}, at most {@code max}. */
public record Backoff(Duration initial, Duration max) {

    /** @param failures consecutive failed attempts so far, at least 1 */
    public Duration delayAfter(int failures) {
        int exponent = Math.max(0, Math.min(failures - 1, 30));
        long millis = initial.toMillis();
        long delay = millis << exponent;
        if (delay < 0 || delay / (1L << exponent) != millis) {
            return max; // overflow
        }
        return delay > max.toMillis() ? max : Duration.ofMillis(delay);
    }
}
