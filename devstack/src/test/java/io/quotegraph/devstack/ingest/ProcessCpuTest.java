package io.quotegraph.devstack.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessCpuTest {

    private static final long SELF = ProcessHandle.current().pid();

    @Test
    void ticksCountTheCpuTheProcessUses() {
        long before = ProcessCpu.ticks(SELF, false);
        burn(300);
        assertThat(ProcessCpu.ticks(SELF, false) - before).isGreaterThanOrEqualTo(20); // 0.2 s of the 0.3 s burnt
    }

    @Test
    void compilerTicksAreTheJitThreadsShareAlone() {
        burn(300); // on this thread, not a compiler thread
        long compilers = ProcessCpu.compilerTicks(SELF);
        long all = ProcessCpu.ticks(SELF, false);
        // this JVM compiled the test framework and the loop above: its compiler threads used some CPU, not all of it
        assertThat(compilers).isPositive();
        assertThat(all - compilers).isGreaterThanOrEqualTo(20);
    }

    @Test
    void aProcessThatDoesNotExistUsedNoCpu() {
        long gone = Long.MAX_VALUE / 2;
        assertThat(ProcessCpu.ticks(gone, true)).isZero();
        assertThat(ProcessCpu.compilerTicks(gone)).isZero();
    }

    /** Keeps this thread busy for about {@code millis} of its own CPU time. */
    private static void burn(long millis) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long until = threads.getCurrentThreadCpuTime() + millis * 1_000_000L;
        long x = 1;
        while (threads.getCurrentThreadCpuTime() < until) {
            for (int i = 0; i < 10_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
        }
        assertThat(x).isNotZero();
    }
}
