package io.quotegraph.devstack.ingest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used by a process, read from Linux's /proc in clock ticks ({@link #CLOCK_TICKS} a second): in all, and by
 * the HotSpot JIT compiler threads of a JVM. Elsewhere (no /proc) every figure is 0.
 */
public final class ProcessCpu {

    /** USER_HZ of /proc/PID/stat: 100 on every Linux architecture Quotegraph runs on. */
    public static final int CLOCK_TICKS = 100;
    /** HotSpot names its compiler threads "C1 CompilerThread0", "C2 CompilerThread1", …; /proc shows 15 characters. */
    private static final String COMPILER_THREAD = " CompilerThre";

    private ProcessCpu() {
    }

    /** utime + stime of the process (with {@code withChildren}: + cutime + cstime, the children it waited for). */
    public static long ticks(long pid, boolean withChildren) {
        long[] fields = statTimes(Path.of("/proc", Long.toString(pid), "stat"));
        return fields[0] + fields[1] + (withChildren ? fields[2] + fields[3] : 0);
    }

    /**
     * utime + stime of the JVM's JIT compiler threads alive now. A short benchmark run pays most of its services'
     * compilation: these ticks are part of {@link #ticks} and say how much of it was warm-up. A compiler thread that
     * exited (HotSpot may stop extra ones when idle) takes its ticks with it, so this is a lower bound.
     */
    public static long compilerTicks(long pid) {
        long sum = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                String name = readOrEmpty(task.resolve("comm"));
                if (name.length() > 2 && name.charAt(0) == 'C' && name.startsWith(COMPILER_THREAD, 2)) {
                    long[] fields = statTimes(task.resolve("stat"));
                    sum += fields[0] + fields[1];
                }
            }
        } catch (IOException | RuntimeException e) {
            return sum; // not Linux, or the process is gone
        }
        return sum;
    }

    /** utime, stime, cutime, cstime of a stat file; zeros when it cannot be read. */
    private static long[] statTimes(Path stat) {
        try {
            String line = Files.readString(stat);
            // after "pid (comm) " (comm may hold spaces and parentheses): state is field 3, utime 14 … cstime 17
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return new long[]{Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[13]),
                    Long.parseLong(fields[14])};
        } catch (IOException | RuntimeException e) {
            return new long[4];
        }
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
