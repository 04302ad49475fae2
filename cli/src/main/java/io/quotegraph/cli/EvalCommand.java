package io.quotegraph.cli;

import io.quotegraph.evaluation.AttributionFiles;
import io.quotegraph.evaluation.ExtractionRun;
import io.quotegraph.evaluation.GoldAttribution;
import io.quotegraph.evaluation.RunStats;
import io.quotegraph.evaluation.ScoreReport;
import io.quotegraph.evaluation.Scorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ./quotegraph eval GOLD.jsonl PRED.jsonl...}: one score table per prediction file, side by side. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score JSONL predictions against gold attributions (definitions in the README).")
final class EvalCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "GOLD.jsonl")
    Path gold;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "PRED.jsonl")
    List<Path> predictions;

    @Override
    public Integer call() {
        Map<String, List<GoldAttribution>> goldAttributions = AttributionFiles.readGold(gold);
        System.out.printf("gold: %s, %d articles, %d attributions%n", gold, goldAttributions.size(),
                goldAttributions.values().stream().mapToInt(List::size).sum());
        Scorer scorer = new Scorer();
        for (Path prediction : predictions) {
            RunStats stats = ExtractionRun.readStats(prediction);
            String system = (stats == null ? "" : stats.system() + ": ") + prediction;
            ScoreReport.print(System.out, system, scorer.score(goldAttributions, AttributionFiles.readPredictions(prediction)), stats);
        }
        return 0;
    }
}
