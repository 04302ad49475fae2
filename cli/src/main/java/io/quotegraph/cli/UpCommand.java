package io.quotegraph.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.quotegraph.devstack.JsonHttp;
import io.quotegraph.devstack.QuotegraphStack;
import io.quotegraph.devstack.SampleLoader;
import io.quotegraph.devstack.StackSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code ./quotegraph up}: the whole system on its embedded defaults, with the sample articles loaded. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start PostgreSQL, the MongoDB-compatible store and all services; load the samples; stop on Ctrl-C.")
final class UpCommand implements Callable<Integer> {

    static final String SAMPLE_QUERY = """
            { speakers(search: "Miller") { edges { node { name aliases
                statements(first: 3) { totalCount edges { node { kind cue { text } content { text } article { title } } } } } } } }""";

    @Option(names = "--root", description = "The Quotegraph checkout (default: the current directory).")
    Path root = Path.of("");

    @Option(names = "--data-dir", description = "Where databases and logs are kept between runs (default: <root>/.quotegraph/data).")
    Path dataDirectory;

    @Option(names = "--clean", description = "Delete the data directory first: start with empty databases.")
    boolean clean;

    @Option(names = "--no-samples", description = "Do not load the sample articles.")
    boolean noSamples;

    @Option(names = "--gateway-port", defaultValue = "" + StackSettings.DEFAULT_GATEWAY_PORT)
    int gatewayPort;

    @Option(names = "--ingest-port", defaultValue = "" + StackSettings.DEFAULT_INGEST_PORT)
    int ingestPort;

    @Option(names = "--statements-port", defaultValue = "" + StackSettings.DEFAULT_STATEMENTS_PORT)
    int statementsPort;

    @Override
    public Integer call() throws InterruptedException {
        Path projectRoot = root.toAbsolutePath();
        Path data = dataDirectory != null ? dataDirectory : StackSettings.defaults(projectRoot).dataDirectory();
        StackSettings settings = new StackSettings(projectRoot, data, clean, gatewayPort, ingestPort, statementsPort);
        System.out.println("Starting Quotegraph (data in " + data.toAbsolutePath() + ") ...");
        QuotegraphStack stack = QuotegraphStack.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Quotegraph ...");
            stack.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "quotegraph-shutdown"));

        printStartupTimes(stack.startupTimes());
        if (!noSamples) {
            loadSamples(stack, projectRoot.resolve("examples/articles"));
        }
        System.out.printf("""

                Quotegraph is up.
                  explorer (web UI): %1$s/explorer/
                  GraphQL endpoint : %1$s/graphql
                  GraphiQL UI      : %1$s/graphql-ui
                  ingest API       : %2$s/articles   (OpenAPI: %2$s/q/openapi)
                  statements API   : %3$s/statements (OpenAPI: %3$s/q/openapi)
                  logs             : %4$s

                Try this query in the GraphiQL UI:
                %5$s

                Writes need a token (dev key; reads are public): ./quotegraph token --role ingestor
                (or curator), then send "Authorization: Bearer <token>" (GraphiQL: Headers tab).

                Press Ctrl-C to stop.
                """, stack.gatewayUrl(), stack.ingestUrl(), stack.statementsUrl(), stack.logDirectory(), SAMPLE_QUERY);
        stopped.await();
        return 0;
    }

    private static void printStartupTimes(Map<String, Duration> times) {
        times.forEach((name, time) -> System.out.printf("  %-20s ready in %5.1f s%n", name, time.toMillis() / 1000.0));
    }

    private static void loadSamples(QuotegraphStack stack, Path samples) {
        if (!Files.isDirectory(samples)) {
            System.out.println("No sample folder at " + samples + "; nothing loaded.");
            return;
        }
        SampleLoader loader = new SampleLoader(stack.ingestUrl());
        List<String> ids = loader.load(samples);
        loader.awaitDelivered(ids);
        JsonNode counts = new JsonHttp().graphql(stack.gatewayUrl(),
                "{ statements(first: 1) { totalCount } speakers(first: 1) { totalCount } }", Map.of());
        System.out.printf("Loaded %d sample articles from %s: %d statements by %d speakers.%n", ids.size(), samples,
                counts.path("statements").path("totalCount").asLong(), counts.path("speakers").path("totalCount").asLong());
    }
}
