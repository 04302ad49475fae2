package io.quotegraph.gateway.graphql;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When an entry is due for a refresh, and the body it holds (no Quarkus: the entry alone, times given). */
class ResponseCacheEntryTest {

    private static final long MS = 1_000_000;
    private static final long REFRESH_AFTER = 500 * MS;
    private static final long STALENESS = 1_000 * MS;
    private static final long GRACE = 1_000 * MS;

    @Test
    void aQuicklyComputedEntryIsDueAtTheRefreshThreshold() {
        ResponseCache.Entry entry = storedAtZero(50);
        assertThat(entry.dueForRefresh(499 * MS, REFRESH_AFTER, STALENESS)).isFalse();
        assertThat(entry.dueForRefresh(500 * MS, REFRESH_AFTER, STALENESS)).isTrue();
    }

    @Test
    void aSlowlyComputedEntryIsDueEarlyEnoughForARecomputationTwiceAsSlowToEndBeforeItExpires() {
        ResponseCache.Entry slow = storedAtZero(400); // 1000 - 2 × 400 = 200 ms
        assertThat(slow.dueForRefresh(199 * MS, REFRESH_AFTER, STALENESS)).isFalse();
        assertThat(slow.dueForRefresh(200 * MS, REFRESH_AFTER, STALENESS)).isTrue();
        assertThat(storedAtZero(600).dueForRefresh(0, REFRESH_AFTER, STALENESS)).as("slower than half the bound")
                .isTrue();
    }

    @Test
    void byDefaultWithAGraceAnEntryIsRecomputedAsLateAsItsComputationTimeAllows() {
        long byDefault = ResponseCache.refreshAfterNanos(Optional.empty(), STALENESS, GRACE);
        ResponseCache.Entry quick = storedAtZero(50); // 1000 - 2 × 50 = 900 ms, not at half the staleness
        assertThat(quick.dueForRefresh(899 * MS, byDefault, STALENESS)).isFalse();
        assertThat(quick.dueForRefresh(900 * MS, byDefault, STALENESS)).isTrue();
        ResponseCache.Entry instant = storedAtZero(0);
        assertThat(instant.dueForRefresh(999 * MS, byDefault, STALENESS)).isFalse();
        assertThat(instant.dueForRefresh(1_000 * MS, byDefault, STALENESS)).as("at the max staleness").isTrue();
    }

    @Test
    void byDefaultWithoutAGraceAtHalfTheStalenessAndAsSetOtherwise() {
        assertThat(ResponseCache.refreshAfterNanos(Optional.empty(), STALENESS, 0)).isEqualTo(500 * MS);
        assertThat(ResponseCache.refreshAfterNanos(Optional.of(Duration.ofMillis(300)), STALENESS, GRACE))
                .isEqualTo(300 * MS);
        assertThat(ResponseCache.refreshAfterNanos(Optional.of(Duration.ofSeconds(1)), STALENESS, GRACE))
                .as("at the max staleness: off").isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void neverDueWithRefreshAheadOffNorOnceARefreshOfItStarted() {
        assertThat(storedAtZero(600).dueForRefresh(900 * MS, Long.MAX_VALUE, STALENESS)).isFalse();
        ResponseCache.Entry entry = storedAtZero(50);
        assertThat(entry.claimRefresh()).isTrue();
        assertThat(entry.claimRefresh()).isFalse();
        assertThat(entry.dueForRefresh(900 * MS, REFRESH_AFTER, STALENESS)).isFalse();
    }

    @Test
    void pastItsStalenessAnEntryAnswersWithinTheGraceUnlessItsRecomputationEndedWithoutReplacingIt() {
        ResponseCache.Entry entry = storedAtZero(50);
        assertThat(entry.fresh(999 * MS, STALENESS)).isTrue();
        assertThat(entry.fresh(1_000 * MS, STALENESS)).isFalse();
        assertThat(entry.servableStale(1_000 * MS, STALENESS, GRACE)).isTrue();
        assertThat(entry.servableStale(1_999 * MS, STALENESS, GRACE)).isTrue();
        assertThat(entry.servableStale(2_000 * MS, STALENESS, GRACE)).as("beyond the grace").isFalse();
        assertThat(entry.servableStale(1_000 * MS, STALENESS, 0)).as("no grace").isFalse();
        assertThat(entry.claimRefresh()).isTrue();
        assertThat(entry.servableStale(1_500 * MS, STALENESS, GRACE)).as("while it is recomputed").isTrue();
        entry.refreshEnded();
        assertThat(entry.servableStale(1_500 * MS, STALENESS, GRACE))
                .as("its recomputation ended and did not replace it").isFalse();
        assertThat(entry.claimRefresh()).as("never recomputed twice").isFalse();
    }

    @Test
    void theBodyIsHeldAsStoredInReadOnlyDirectMemory() {
        byte[] json = "{\"data\":{\"a\":\"é\"}}".getBytes(StandardCharsets.UTF_8);
        ResponseCache.Entry entry = new ResponseCache.Entry("application/json", json, 0);
        json[0] = 'x'; // the caller's array is not shared
        assertThat(ByteBufUtil.getBytes(entry.body())).isEqualTo("{\"data\":{\"a\":\"é\"}}".getBytes(StandardCharsets.UTF_8));
        assertThat(entry.body().isDirect()).isTrue();
        assertThatThrownBy(() -> entry.body().setByte(0, 'x')).isInstanceOf(RuntimeException.class);
        entry.body().release(); // what Netty does with each view it has written
        assertThat(entry.body().readableBytes()).as("still there for the next hit").isEqualTo(json.length);
    }

    private static ResponseCache.Entry storedAtZero(long computeMillis) {
        return new ResponseCache.Entry("application/json", Unpooled.EMPTY_BUFFER, 0, computeMillis * MS,
                new AtomicInteger());
    }
}
