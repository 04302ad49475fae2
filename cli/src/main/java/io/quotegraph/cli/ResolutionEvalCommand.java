package io.quotegraph.cli;

import io.quotegraph.evaluation.resolution.ResolutionBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ./quotegraph resolution-eval CORPUS.jsonl [--seeds DIR]}: speaker-cluster scores; needs no server. */
@Command(name = "resolution-eval", mixinStandardHelpOptions = true,
        description = "Score speaker resolution across articles (pairwise and B3 precision/recall/F1 of speaker clusters) "
                + "on the labelled PolNeAR dev speakers and the sample articles. Reads the texts from the given paths.")
final class ResolutionEvalCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CORPUS.jsonl", description = "the PolNeAR dev split, e.g. ../shared/eval/polnear-dev.jsonl")
    Path corpus;

    @Option(names = "--seeds", paramLabel = "DIR", description = "the sample articles and expected.json, e.g. ../shared/seeds")
    Path seeds;

    @Override
    public Integer call() throws Exception {
        if (seeds != null && !Files.isRegularFile(seeds.resolve("expected.json"))) {
            System.err.println("no expected.json in " + seeds);
            return 2;
        }
        ResolutionBenchmark.print(System.out, new ResolutionBenchmark().run(corpus, seeds));
        return 0;
    }
}
