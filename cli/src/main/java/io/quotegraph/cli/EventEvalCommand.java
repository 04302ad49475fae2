package io.quotegraph.cli;

import io.quotegraph.evaluation.event.EventLinkingBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ./quotegraph event-eval [--labels FILE]}: event-linking scores on labelled mentions; needs no server. */
@Command(name = "event-eval", mixinStandardHelpOptions = true,
        description = "Score the linking of event mentions across articles (pairwise precision/recall/F1 of the linker's "
                + "decisions and of the events it forms, B3 over those events) on labelled mentions from the dev corpus "
                + "and the sample articles, and list the false and missed links with their reasons.")
final class EventEvalCommand implements Callable<Integer> {

    @Option(names = "--labels", paramLabel = "FILE",
            description = "labelled mentions (TSV, the format of the committed set); default: the committed set")
    Path labels;

    @Override
    public Integer call() throws Exception {
        if (labels != null && !Files.isRegularFile(labels)) {
            System.err.println("no such file: " + labels);
            return 2;
        }
        List<EventLinkingBenchmark.Item> items;
        try {
            items = labels == null ? EventLinkingBenchmark.readLabels() : EventLinkingBenchmark.readLabels(labels);
        } catch (IllegalArgumentException e) {
            System.err.println(labels + ": " + e.getMessage());
            return 2;
        }
        EventLinkingBenchmark.print(System.out, new EventLinkingBenchmark().run(items));
        return 0;
    }
}
