package io.quotegraph.cli;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** When bench-graphql's load step is over, and when a cell's warm-up has reached a steady rate. */
class BenchGraphqlSettlingTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    @Test
    void theLoadStepDoesNotSettleWhileArticlesAwaitDelivery() {
        BenchGraphqlCommand.LoadSettling settling = new BenchGraphqlCommand.LoadSettling(0);
        // deliveries paused: the count has not moved for a minute, but 40 articles are still in the backlog
        for (long s = 0; s <= 60; s++) {
            assertThat(settling.observe(s * SECOND, 481, 40)).as("second %d", s).isFalse();
        }
        assertThat(settling.last()).isEqualTo("481 statements, delivery backlog 40");
        // delivered: the count grows, and the step settles only once it has stayed put for the quiet time
        assertThat(settling.observe(61 * SECOND, 4_600, 0)).isFalse();
        assertThat(settling.observe(80 * SECOND, 4_600, 0)).isFalse();
        assertThat(settling.observe(81 * SECOND, 4_600, 0)).isTrue();
        assertThat(settling.count()).isEqualTo(4_600);
    }

    @Test
    void anUnreadableCountOrBacklogIsNeverSettled() {
        BenchGraphqlCommand.LoadSettling unreadableCount = new BenchGraphqlCommand.LoadSettling(0);
        BenchGraphqlCommand.LoadSettling unreadableBacklog = new BenchGraphqlCommand.LoadSettling(0);
        for (long s = 0; s <= 60; s++) {
            assertThat(unreadableCount.observe(s * SECOND, -1, 0)).isFalse();
            assertThat(unreadableBacklog.observe(s * SECOND, 4_600, -1)).isFalse();
        }
        assertThat(unreadableBacklog.last()).isEqualTo("4600 statements, delivery backlog unreadable");
    }

    @Test
    void aCountThatChangesRestartsTheQuietTime() {
        BenchGraphqlCommand.LoadSettling settling = new BenchGraphqlCommand.LoadSettling(0);
        assertThat(settling.observe(0, 100, 0)).isFalse();
        assertThat(settling.observe(19 * SECOND, 100, 0)).isFalse();
        assertThat(settling.observe(19 * SECOND + 1, 101, 0)).isFalse();
        assertThat(settling.observe(39 * SECOND, 101, 0)).isFalse();
        assertThat(settling.observe(39 * SECOND + 1, 101, 0)).isTrue();
    }

    @Test
    void aWarmUpIsSteadyWhenTwoSecondsInARowAnswerAtTheSameRate() {
        // the JIT still compiling: 30 % more answers in the next second
        assertThat(BenchGraphqlCommand.steadyRate(1_000, 1_300)).isFalse();
        assertThat(BenchGraphqlCommand.steadyRate(3_000, 3_250)).isTrue();
        assertThat(BenchGraphqlCommand.steadyRate(3_250, 3_000)).isTrue();
        // a few answers per second: counting noise (2 √(4 + 7) = 6.6), not a trend
        assertThat(BenchGraphqlCommand.steadyRate(4, 7)).isTrue();
        assertThat(BenchGraphqlCommand.steadyRate(4, 40)).isFalse();
        // nothing answered (requests slower than a second, or failing) says nothing about the rate
        assertThat(BenchGraphqlCommand.steadyRate(0, 0)).isFalse();
        assertThat(BenchGraphqlCommand.steadyRate(0, 5)).isFalse();
    }
}
