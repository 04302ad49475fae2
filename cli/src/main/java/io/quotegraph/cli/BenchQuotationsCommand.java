package io.quotegraph.cli;

import io.quotegraph.evaluation.quotation.QuotationIndexBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ./quotegraph bench-quotations --statements 10000,100000,1000000}: incremental grouping cost at scale. */
@Command(name = "bench-quotations", mixinStandardHelpOptions = true,
        description = "Time incremental quotation grouping (in-memory index) per statement at each size, with heap and "
                + "RSS; statements are synthetic variants of the dev corpus's gold statements. Needs no server.")
final class BenchQuotationsCommand implements Callable<Integer> {

    static final int MAX_STATEMENTS = 10_000_000;

    @Option(names = "--statements", split = ",", paramLabel = "N", defaultValue = "10000,100000,1000000",
            description = "sizes to run, each in a fresh index (default: ${DEFAULT-VALUE}; at most 10,000,000)")
    List<Integer> sizes;

    @Option(names = "--corpus", paramLabel = "CORPUS.jsonl", defaultValue = "../shared/eval/polnear-dev.jsonl",
            description = "the PolNeAR dev split the statements derive from (default: ${DEFAULT-VALUE})")
    Path corpus;

    @Option(names = "--seed", defaultValue = "1", description = "random seed of the synthetic stream (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(corpus)) {
            System.err.println("no such file: " + corpus + " (--corpus)");
            return 2;
        }
        if (sizes.stream().anyMatch(n -> n < 1 || n > MAX_STATEMENTS)) {
            System.err.println("--statements: each size must be between 1 and " + MAX_STATEMENTS);
            return 2;
        }
        QuotationIndexBenchmark.printHeader(System.out, corpus);
        new QuotationIndexBenchmark().run(corpus, sizes, seed, run -> QuotationIndexBenchmark.printRow(System.out, run));
        return 0;
    }
}
