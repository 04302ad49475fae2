package io.quotegraph.fuzz;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Each fuzz input must be handled within a bound: a slower one is a finding (a hang, or a super-linear path). The
 * first input of each target is not bounded: it pays for class loading and Jazzer's instrumentation, which took more
 * than 30 s at a load average of 58 on the shared machine (the 97-byte input {@code unclosed-nav-timeout-under-load}
 * "timed out" so, and takes 1 ms warm).
 */
final class Bounded {

    static final Duration PER_INPUT = Duration.ofSeconds(30);
    private static final Set<String> WARM = ConcurrentHashMap.newKeySet();

    private Bounded() {
    }

    static <T> T call(String target, Supplier<T> work) {
        if (WARM.add(target)) {
            return work.get();
        }
        return assertTimeoutPreemptively(PER_INPUT, work::get);
    }
}
