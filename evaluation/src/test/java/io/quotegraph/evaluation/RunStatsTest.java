package io.quotegraph.evaluation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RunStatsTest {

    @TempDir
    Path dir;

    @Test
    void statsWrittenBesideThePredictionsAreReadBackWithMemoryAndSetup() {
        Path predictions = dir.resolve("pred.jsonl");
        RunStats written = new RunStats("baseline", 20, 0.12, 50.0, 48.0, 4100, 8011, 27.3);
        ExtractionRun.writeStats(predictions, written);
        assertThat(ExtractionRun.readStats(predictions)).isEqualTo(written);
    }

    @Test
    void statsFromBeforeMemoryAndSetupWereRecordedStillRead() throws Exception {
        Path predictions = dir.resolve("old.jsonl");
        Files.writeString(ExtractionRun.statsFile(predictions), "{\"system\":\"quotegraph 1\",\"articles\":300,\"megabytes\":1.9,"
                + "\"seconds\":0.51,\"cpuSeconds\":0.4,\"peakHeapMegabytes\":98.0}");
        RunStats stats = ExtractionRun.readStats(predictions);
        assertThat(stats.articles()).isEqualTo(300);
        assertThat(stats.peakRssMegabytes()).isZero();
        assertThat(stats.setupSeconds()).isZero();
    }

    @Test
    void theReportPrintsPeakRssAndSetupTimeWhenKnown() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RunStats stats = new RunStats("baseline", 20, 0.12, 50.0, 48.0, 4100, 8011, 27.3);
        ScoreReport.print(new PrintStream(out, true, StandardCharsets.UTF_8), "baseline", new Scorer().score(Map.of("a", List.of()),
                Map.of()), stats);
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(report).contains("per core 0.42 articles/s, 0.003 MB/s").contains("peak RSS 8011 MB").contains("27.3 s before the first article");
    }

    @Test
    void peakRssIsReportedOnLinux() {
        if (Files.isReadable(Path.of("/proc/self/status"))) {
            assertThat(ProcessMemory.peakRssMegabytes()).isPositive();
        }
        assertThat(ProcessMemory.peakHeapMegabytes()).isPositive();
    }
}
