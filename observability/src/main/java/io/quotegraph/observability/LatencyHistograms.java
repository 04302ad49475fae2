package io.quotegraph.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Set;

/**
 * Publishes Prometheus histogram buckets for the latencies that dashboards show as quantiles across pods (averages
 * hide the slow tail), bounded to the range those latencies can take so that each timer has a few dozen buckets rather
 * than Micrometer's full default range. Every service includes it by depending on this module.
 */
@Singleton
public class LatencyHistograms {

    /** Quotegraph's own timers start with "quotegraph."; these are the framework timers the dashboards chart. */
    private static final Set<String> FRAMEWORK_TIMERS = Set.of("http.server.requests", "http.client.requests", "mp_graphql");

    @Produces
    @Singleton
    MeterFilter quotegraphLatencyHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                String name = id.getName();
                if (name.startsWith("quotegraph.") || FRAMEWORK_TIMERS.contains(name)) {
                    return DistributionStatisticConfig.builder()
                            .percentilesHistogram(true)
                            .minimumExpectedValue((double) Duration.ofMillis(1).toNanos())
                            .maximumExpectedValue((double) Duration.ofSeconds(30).toNanos())
                            .build()
                            .merge(config);
                }
                return config;
            }
        };
    }
}
