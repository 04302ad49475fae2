package io.quotegraph.fuzz;

import java.time.Duration;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Each fuzz input must be handled within a bound: a slower one is a finding (a hang, or a super-linear path). */
final class Bounded {

    static final Duration PER_INPUT = Duration.ofSeconds(10);

    private Bounded() {
    }

    static <T> T call(Supplier<T> work) {
        return assertTimeoutPreemptively(PER_INPUT, work::get);
    }
}
