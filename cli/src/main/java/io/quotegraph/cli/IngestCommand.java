package io.quotegraph.cli;

import io.quotegraph.devstack.ingest.BulkIngester;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ./quotegraph ingest PATH…}: bulk import into a running ingest-service, resumable. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Send article files to a running ingest-service (POST /articles/batch in chunks), with a progress "
                + "line on stderr and a summary at the end.",
                "Files: .json (an article or an array of them), .ndjson/.jsonl (one per line), .html/.htm and .txt "
                        + "(one article per file; a first-line headline becomes the title). Directories are read recursively.",
                "Resumable: progress is kept in the state file after every answered chunk; run the same command again "
                        + "after an interruption and it continues where it stopped."})
final class IngestCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to import.")
    List<Path> paths;

    @Option(names = "--url", defaultValue = "http://localhost:8081", description = "The ingest-service (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--chunk", defaultValue = "200", description = "Articles per batch request, 1..1000 (default: ${DEFAULT-VALUE}).")
    int chunk;

    @Option(names = "--parallel", defaultValue = "2", description = "Batch requests in flight (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--state", defaultValue = ".quotegraph/ingest-state.json",
            description = "The resume state file (default: ${DEFAULT-VALUE}).")
    Path state;

    @Option(names = "--fresh", description = "Forget the state file: send every file again (the server still deduplicates).")
    boolean fresh;

    @Option(names = "--source", description = "The source of articles that name none.")
    String source;

    @Override
    public Integer call() throws Exception {
        if (chunk < 1 || chunk > 1000) {
            System.err.println("--chunk must be between 1 and 1000 (the server's batch limit)");
            return 2;
        }
        if (fresh) {
            java.nio.file.Files.deleteIfExists(state);
        }
        Path rejects = state.resolveSibling(state.getFileName() + ".rejects.ndjson");
        BulkIngester ingester = new BulkIngester(new BulkIngester.Settings(url, chunk, Math.max(1, parallel), state,
                rejects, source), System.err, System.console() != null);
        BulkIngester.Summary summary;
        try {
            summary = ingester.run(paths);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        } catch (BulkIngester.IngestFailure e) {
            System.err.println("import stopped: " + e.getMessage());
            return 1;
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            System.err.println("import stopped: " + e.getMessage() + " (progress so far is saved in " + state + ")");
            return 1;
        }
        System.out.printf(Locale.ROOT, "%,d files, %,d articles: %,d accepted, %,d duplicates, %,d rejected%s in %.1f s (%,.1f articles/s)%n",
                summary.files, summary.total, summary.accepted, summary.duplicates, summary.rejected,
                summary.skipped > 0 ? String.format(Locale.ROOT, ", %,d done before", summary.skipped) : "",
                summary.elapsedNanos / 1e9, summary.rate());
        if (summary.rejected > 0) {
            summary.firstRejects.forEach(r -> System.out.println("  rejected: " + r));
            System.out.println("  all rejects: " + rejects.toAbsolutePath());
        }
        return 0;
    }
}
