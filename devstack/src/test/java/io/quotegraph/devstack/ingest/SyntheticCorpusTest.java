package io.quotegraph.devstack.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticCorpusTest {

    @TempDir
    Path dir;

    @Test
    void splitPutsTheFirstLinesInOneFileAndTheOthersInTheOther() throws IOException {
        Path corpus = dir.resolve("corpus.ndjson");
        Files.write(corpus, List.of("{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}", "{\"n\":5}"), StandardCharsets.UTF_8);

        long rest = SyntheticCorpus.split(corpus, 2, dir.resolve("first"), dir.resolve("rest"));

        assertThat(rest).isEqualTo(3);
        assertThat(Files.readAllLines(dir.resolve("first"))).containsExactly("{\"n\":1}", "{\"n\":2}");
        assertThat(Files.readAllLines(dir.resolve("rest"))).containsExactly("{\"n\":3}", "{\"n\":4}", "{\"n\":5}");
    }

    @Test
    void aWarmUpOfTheWholeCorpusLeavesNothingToMeasure() throws IOException {
        Path corpus = dir.resolve("corpus.ndjson");
        Files.write(corpus, List.of("{\"n\":1}", "{\"n\":2}"), StandardCharsets.UTF_8);

        assertThat(SyntheticCorpus.split(corpus, 5, dir.resolve("first"), dir.resolve("rest"))).isZero();
        assertThat(Files.readAllLines(dir.resolve("first"))).hasSize(2);
        assertThat(Files.readAllLines(dir.resolve("rest"))).isEmpty();
    }
}
