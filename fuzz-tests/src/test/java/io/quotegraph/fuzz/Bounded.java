package io.quotegraph.fuzz;

import java.time.Duration;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Each fuzz input must be handled within a bound: a slower one is a finding (a hang, or a super-linear path). The
 * bound is generous because the machine is shared: at 10 s, a 97-byte HTML input timed out once at a load average of
 * 36 and then took 1 ms (it is kept as the regression input {@code unclosed-nav-timeout-under-load}).
 */
final class Bounded {

    static final Duration PER_INPUT = Duration.ofSeconds(30);

    private Bounded() {
    }

    static <T> T call(Supplier<T> work) {
        return assertTimeoutPreemptively(PER_INPUT, work::get);
    }
}
