package io.quotegraph.evaluation;

/**
 * What one extraction run cost, written beside its predictions as {@code PRED.jsonl.stats.json}.
 *
 * @param cpuSeconds        CPU time of the extracting thread: throughput per core
 * @param peakHeapMegabytes the highest heap use seen during the run
 * @param peakRssMegabytes  the process's peak resident set size (heap, code, native memory), 0 when unknown
 * @param setupSeconds      time spent before the first article (loading models), not part of {@code seconds}
 */
public record RunStats(String system, int articles, double megabytes, double seconds, double cpuSeconds,
                       double peakHeapMegabytes, double peakRssMegabytes, double setupSeconds) {

    public RunStats(String system, int articles, double megabytes, double seconds, double cpuSeconds,
                    double peakHeapMegabytes) {
        this(system, articles, megabytes, seconds, cpuSeconds, peakHeapMegabytes, 0, 0);
    }

    public double articlesPerSecond() {
        return seconds == 0 ? 0 : articles / seconds;
    }

    public double megabytesPerCpuSecond() {
        return cpuSeconds == 0 ? 0 : megabytes / cpuSeconds;
    }

    public double articlesPerCpuSecond() {
        return cpuSeconds == 0 ? 0 : articles / cpuSeconds;
    }
}
