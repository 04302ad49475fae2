package io.quotegraph.cli;

import io.quotegraph.evaluation.ExtractionRun;
import io.quotegraph.evaluation.RunStats;
import io.quotegraph.extraction.StatementExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ./quotegraph extract IN.jsonl OUT.jsonl}: the extraction engine on its own, no server. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract statements from JSONL articles ({\"id\",\"text\",\"publishedAt\"?}) into JSONL predictions.")
final class ExtractCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN.jsonl")
    Path input;

    @Parameters(index = "1", paramLabel = "OUT.jsonl")
    Path output;

    @Override
    public Integer call() {
        RunStats stats = new ExtractionRun(new StatementExtractor(), System.err).run(input, output);
        System.err.printf("extract: %d articles in %.2f s (%.1f articles/s per core) -> %s%n",
                stats.articles(), stats.seconds(), stats.articlesPerCpuSecond(), output);
        return 0;
    }
}
