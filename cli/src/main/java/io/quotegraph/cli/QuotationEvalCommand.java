package io.quotegraph.cli;

import io.quotegraph.evaluation.quotation.QuotationBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ./quotegraph quotation-eval CORPUS.jsonl}: precision/recall of quotation grouping; needs no server. */
@Command(name = "quotation-eval", mixinStandardHelpOptions = true,
        description = "Score quotation grouping (same quotation; same or similar) on the labelled statement pairs built "
                + "from the PolNeAR dev split. Reads the texts from the given path.")
final class QuotationEvalCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CORPUS.jsonl", description = "the PolNeAR dev split, e.g. ../shared/eval/polnear-dev.jsonl")
    Path corpus;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(corpus)) {
            System.err.println("no such file: " + corpus);
            return 2;
        }
        QuotationBenchmark.print(System.out, new QuotationBenchmark().run(corpus));
        return 0;
    }
}
