package io.quotegraph.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How bench-graphql reads the gateway's response-cache counters from its Prometheus metrics. */
class BenchGraphqlMetricsTest {

    @Test
    void staleAnswersCountAsHits() {
        String metrics = """
                # TYPE quotegraph_gateway_response_cache_total counter
                quotegraph_gateway_response_cache_total{result="hit"} 90.0
                quotegraph_gateway_response_cache_total{result="stale"} 7.0
                quotegraph_gateway_response_cache_total{result="miss"} 3.0
                quotegraph_gateway_response_cache_total{result="refresh"} 2.0
                """;
        assertThat(BenchGraphqlCommand.cacheCounts(metrics)).containsExactly(97.0, 3.0, 2.0);
    }
}
