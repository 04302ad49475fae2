package io.quotegraph.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.util.logging.LogManager;

/** {@code ./quotegraph}: the one entry point for users. */
@Command(name = "quotegraph", mixinStandardHelpOptions = true, version = "quotegraph 0.1.0",
        description = "Who said what, about whom, and when, in the news.",
        subcommands = {UpCommand.class, ExtractCommand.class, EvalCommand.class, IngestCommand.class, BenchIngestCommand.class,
                BenchGraphqlCommand.class, FaultTestCommand.class, LoadCommand.class, ResolutionEvalCommand.class,
                QuotationEvalCommand.class, BenchQuotationsCommand.class, EventEvalCommand.class, TokenCommand.class})
public final class QuotegraphCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) throws IOException {
        try (InputStream logging = QuotegraphCli.class.getResourceAsStream("/quotegraph-logging.properties")) {
            LogManager.getLogManager().readConfiguration(logging);
        }
        System.exit(new CommandLine(new QuotegraphCli()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
