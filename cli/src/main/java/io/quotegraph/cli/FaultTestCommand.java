package io.quotegraph.cli;

import io.quotegraph.devstack.fault.DeliveryFaultTest;
import io.quotegraph.devstack.fault.DeliveryFaultTest.Fault;
import io.quotegraph.devstack.fault.DeliveryFaultTest.Outcome;
import io.quotegraph.devstack.ingest.SyntheticCorpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code ./quotegraph fault-test}: delivery without loss, proven on the real system. Each scenario starts a fresh
 * system on free ports, ingests the corpus while injecting its fault, waits until every article has settled and
 * checks that each was delivered exactly once.
 */
@Command(name = "fault-test", mixinStandardHelpOptions = true,
        description = {"Ingest a corpus while statements-service is stopped and restarted (scenario A), and while "
                + "ingest-service is killed with SIGKILL and restarted (scenario B); then check that every article was "
                + "delivered exactly once: statement counts equal to a clean extraction, no duplicates, nothing stuck.",
                "Exit code 0 when both scenarios deliver exactly once."})
final class FaultTestCommand implements Callable<Integer> {

    @Option(names = "--articles", defaultValue = "1000", description = "Articles per scenario (default: ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--corpus", defaultValue = "../shared/eval/polnear-dev.jsonl",
            description = "The JSONL corpus to build the articles from (default: ${DEFAULT-VALUE}).")
    Path corpus;

    @Option(names = "--root", description = "The Quotegraph checkout (default: the current directory).")
    Path root = Path.of("");

    @Option(names = "--scenario", description = "Only this fault: ${COMPLETION-CANDIDATES} (default: both).")
    Fault scenario;

    @Option(names = "--outage", defaultValue = "20", description = "Seconds the service stays down (default: ${DEFAULT-VALUE}).")
    int outageSeconds;

    @Option(names = "--chunk", defaultValue = "25", description = "Articles per batch request (default: ${DEFAULT-VALUE}).")
    int chunk;

    @Option(names = "--seed", defaultValue = "20240206", description = "Seed of the synthetic articles (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--timeout-minutes", defaultValue = "45", description = "Give up waiting for delivery to settle after this (default: ${DEFAULT-VALUE}).")
    int timeoutMinutes;

    @Override
    public Integer call() throws Exception {
        Path temp = Files.createTempDirectory("quotegraph-fault");
        Path corpusFile = temp.resolve("fault-corpus.ndjson");
        List<Outcome> outcomes = new ArrayList<>();
        try {
            SyntheticCorpus.write(corpus, articles, seed, corpusFile);
            for (Fault fault : scenario == null ? List.of(Fault.values()) : List.of(scenario)) {
                DeliveryFaultTest.Settings settings = new DeliveryFaultTest.Settings(root.toAbsolutePath(),
                        temp.resolve(fault.name().toLowerCase(Locale.ROOT)), corpusFile, articles, fault,
                        Duration.ofSeconds(outageSeconds), Duration.ofMinutes(timeoutMinutes), chunk);
                Outcome outcome = new DeliveryFaultTest(settings, System.err).run();
                outcomes.add(outcome);
                print(List.of(outcome)); // each scenario's figures as soon as it is done
            }
        } finally {
            TempDirectories.deleteRecursively(temp);
        }
        System.out.printf("%nall scenarios:");
        print(outcomes);
        return outcomes.stream().allMatch(Outcome::exactlyOnce) ? 0 : 1;
    }

    private static void print(List<Outcome> outcomes) {
        System.out.printf(Locale.ROOT, "%n| scenario | articles | delivered | duplicate / skipped | failed | stuck | missing | "
                + "statements clean | statements stored | articles with another count | orphan statements | "
                + "duplicate statements | import resumed | down | total time | exactly once |%n");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Outcome o : outcomes) {
            System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %,d / %,d | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %d× | %.1f s | %.1f s | %s |%n",
                    o.fault().description(), o.corpusArticles(), o.delivered(), o.statuses().getOrDefault("DUPLICATE", 0),
                    o.statuses().getOrDefault("SKIPPED", 0), o.failed(), o.stuck(), o.missingUrls(), o.cleanStatements(),
                    o.storedStatements(), o.wrongCounts(), o.orphans(), o.duplicates(), o.importRestarts(),
                    o.downtime().toMillis() / 1e3, o.elapsed().toMillis() / 1e3, o.exactlyOnce() ? "yes" : "NO");
        }
    }
}
