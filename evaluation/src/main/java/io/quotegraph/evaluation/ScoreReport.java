package io.quotegraph.evaluation;

import java.io.PrintStream;
import java.util.Map;

/** Prints the score table of one system, and its throughput when its run left stats. */
public final class ScoreReport {

    private ScoreReport() {
    }

    public static void print(PrintStream out, String system, Map<String, Map<String, Tally>> tallies, RunStats stats) {
        out.printf("%n== %s ==%n", system);
        if (stats != null) {
            out.printf("throughput: %d articles in %.2f s = %.1f articles/s; per core %.2f articles/s, %.3f MB/s;"
                            + " peak heap <= %.0f MB%n",
                    stats.articles(), stats.seconds(), stats.articlesPerSecond(), stats.articlesPerCpuSecond(),
                    stats.megabytesPerCpuSecond(), stats.peakHeapMegabytes());
            if (stats.peakRssMegabytes() > 0 || stats.setupSeconds() > 0) {
                out.printf("memory and setup: peak RSS %.0f MB; %.1f s before the first article (not in the figures above)%n",
                        stats.peakRssMegabytes(), stats.setupSeconds());
            }
        }
        out.printf("%-7s %-9s %6s %6s | %-20s | %-20s | %8s %8s%n", "view", "kind", "gold", "pred",
                "overlap  P     R     F1", "exact    P     R     F1", "speaker", "cue");
        tallies.forEach((view, byKind) -> byKind.forEach((kind, t) ->
                out.printf("%-7s %-9s %6d %6d |        %.3f %.3f %.3f |        %.3f %.3f %.3f | %8.3f %8.3f%n",
                        view, kind, t.gold(), t.predicted(), t.precision(), t.recall(), t.f1(),
                        t.exactPrecision(), t.exactRecall(), t.exactF1(), t.speakerAccuracy(), t.cueAccuracy())));
    }
}
