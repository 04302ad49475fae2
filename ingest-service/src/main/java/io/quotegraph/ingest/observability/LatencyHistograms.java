package io.quotegraph.ingest.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Publishes Prometheus histogram buckets for the latencies that dashboards show as quantiles across pods (averages
 * hide the slow tail), bounded to the range those latencies can take so that each timer has a few dozen buckets rather
 * than Micrometer's full default range.
 */
@Singleton
public class LatencyHistograms {

    @Produces
    @Singleton
    MeterFilter quotegraphLatencyHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                String name = id.getName();
                if (name.startsWith("quotegraph.") || name.equals("http.server.requests")) {
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
