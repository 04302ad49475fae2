package io.quotegraph.devstack.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Streams article files to {@code POST /articles/batch} in chunks, {@code parallel} chunks in flight, and acknowledges
 * them in order: the state file only ever advances over records the server has answered, so an interrupted import
 * resumes where it stopped (re-sending a chunk would be harmless anyway: the server deduplicates).
 * <p>
 * By default it sends as fast as the server answers ({@code parallel} chunks in flight: a closed loop). Paced
 * ({@link #pacedAt}), it offers a fixed rate instead (an open loop): chunk {@code k} is due at
 * {@code start + (records before it) / rate} whatever the server's answers, and counts as sent then, so a server
 * that falls behind shows in the latencies measured from {@link ChunkResult#sentNanos()} rather than slowing the offer.
 */
public final class BulkIngester {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ATTEMPTS = 4;

    public record Settings(String ingestUrl, int chunkSize, int parallel, Path stateFile, Path rejectsFile,
                           String defaultSource) {
    }

    /**
     * What one chunk's answer said, per record, when it was sent (paced: when it was due, even if every sender was
     * still busy then) and when it was answered.
     */
    public record ChunkResult(List<ArticleRecord> records, List<JsonNode> answers, long sentNanos, long answeredNanos) {
    }

    /** Totals of a run. */
    public static final class Summary {
        public long total;
        public long skipped;
        public long accepted;
        public long duplicates;
        public long rejected;
        public long files;
        public long elapsedNanos;
        public final List<String> firstRejects = new ArrayList<>();

        public long processed() {
            return accepted + duplicates + rejected;
        }

        public double rate() {
            return elapsedNanos == 0 ? 0 : processed() / (elapsedNanos / 1e9);
        }
    }

    private final Settings settings;
    private final HttpClient http;
    private final Progress progress;
    private Consumer<ChunkResult> chunkListener = r -> { };
    /** Records handed to the senders so far in this run (pacing counts from them). */
    private long offered;
    /** Articles per second offered; 0 sends as fast as the server answers. */
    private double articlesPerSecond;

    public BulkIngester(Settings settings, PrintStream progressOut, boolean interactive) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.progress = new Progress(progressOut, interactive);
    }

    /** Called (in order) with every answered chunk: the benchmark measures its latencies with it. */
    public BulkIngester onChunk(Consumer<ChunkResult> listener) {
        this.chunkListener = listener;
        return this;
    }

    /**
     * Offers {@code articlesPerSecond} (an open loop) instead of sending as fast as the server answers: each chunk is
     * sent when due, as long as one of the {@code parallel} senders is free (otherwise as soon as one is, its latency
     * still counted from when it was due).
     */
    public BulkIngester pacedAt(double articlesPerSecond) {
        if (!(articlesPerSecond > 0)) {
            throw new IllegalArgumentException("the rate must be positive: " + articlesPerSecond);
        }
        this.articlesPerSecond = articlesPerSecond;
        return this;
    }

    /** @throws IngestFailure when the server cannot take a chunk after retries (the state is saved before) */
    public Summary run(List<Path> inputs) throws IOException, InterruptedException {
        List<Path> files = ArticleFiles.expand(inputs);
        IngestState state = IngestState.load(settings.stateFile());
        Summary summary = new Summary();
        summary.files = files.size();
        for (Path file : files) {
            long records = ArticleFiles.countRecords(file);
            summary.total += records;
            summary.skipped += state.complete(file) ? records : Math.min(records, state.done(file));
        }
        progress.start(summary);
        ArticleFiles reader = new ArticleFiles(settings.defaultSource());
        ExecutorService senders = Executors.newFixedThreadPool(Math.max(1, settings.parallel()));
        Deque<Future<ChunkResult>> inFlight = new ArrayDeque<>();
        long started = System.nanoTime();
        offered = 0;
        if (settings.rejectsFile() != null) {
            Files.createDirectories(settings.rejectsFile().toAbsolutePath().getParent());
        }
        try (BufferedWriter rejects = settings.rejectsFile() == null ? null : Files.newBufferedWriter(
                settings.rejectsFile(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            for (Path file : files) {
                if (state.complete(file)) {
                    continue;
                }
                long skip = state.done(file);
                List<ArticleRecord> chunk = new ArrayList<>();
                Consumer<List<ArticleRecord>> submit = records -> {
                    try {
                        long due = articlesPerSecond > 0 ? awaitDue(started, inFlight, state, summary, rejects) : 0;
                        inFlight.add(senders.submit(() -> send(records, due)));
                        offered += records.size();
                        drain(inFlight, articlesPerSecond > 0 ? Integer.MAX_VALUE : settings.parallel(), state,
                                summary, rejects);
                    } catch (IOException e) {
                        throw unchecked(e);
                    }
                };
                reader.read(file, skip, record -> {
                    chunk.add(record);
                    if (chunk.size() >= settings.chunkSize()) {
                        submit.accept(List.copyOf(chunk));
                        chunk.clear();
                    }
                });
                if (!chunk.isEmpty()) {
                    submit.accept(List.copyOf(chunk));
                }
            }
            drain(inFlight, 0, state, summary, rejects);
            for (Path file : files) {
                if (!state.complete(file)) {
                    state.record(file, ArticleFiles.countRecords(file), true);
                }
            }
            state.save();
        } finally {
            senders.shutdownNow();
            // no sender of this run may still be posting when it returns (a resumed run would race with it)
            senders.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
            summary.elapsedNanos = System.nanoTime() - started;
            progress.finish(summary);
        }
        return summary;
    }

    /**
     * Paced: waits until the next chunk is due ({@code offered} records at the rate after {@code started}),
     * acknowledging the chunks answered meanwhile; returns when it was due.
     */
    private long awaitDue(long started, Deque<Future<ChunkResult>> inFlight, IngestState state, Summary summary,
                          BufferedWriter rejects) throws IOException {
        long due = started + (long) (offered * 1e9 / articlesPerSecond);
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            drain(inFlight, Integer.MAX_VALUE, state, summary, rejects);
            try {
                Thread.sleep(Math.min(50, Math.max(1, wait / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                state.save();
                throw new IngestFailure("interrupted; progress saved in " + settings.stateFile());
            }
        }
        return due;
    }

    /**
     * Acknowledges answered chunks in order until at most {@code keep} are in flight, and then those at the head that
     * are answered already.
     */
    private void drain(Deque<Future<ChunkResult>> inFlight, int keep, IngestState state, Summary summary,
                       BufferedWriter rejects) throws IOException {
        while (inFlight.size() > keep || !inFlight.isEmpty() && inFlight.peekFirst().isDone()) {
            ChunkResult result;
            try {
                result = inFlight.removeFirst().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                state.save();
                throw new IngestFailure("interrupted; progress saved in " + settings.stateFile());
            } catch (ExecutionException e) {
                state.save();
                Throwable cause = e.getCause();
                throw new IngestFailure((cause instanceof IngestFailure ? cause.getMessage() : String.valueOf(cause))
                        + "; progress saved" + (settings.stateFile() == null ? "" : " in " + settings.stateFile()
                        + ": run the same command again to resume"));
            }
            account(result, summary, rejects);
            ArticleRecord last = result.records().get(result.records().size() - 1);
            state.record(Path.of(last.file()), last.index() + 1, false);
            state.save();
            chunkListener.accept(result);
            progress.update(summary);
        }
    }

    private void account(ChunkResult result, Summary summary, BufferedWriter rejects) throws IOException {
        for (int i = 0; i < result.records().size(); i++) {
            ArticleRecord record = result.records().get(i);
            JsonNode answer = result.answers().get(i);
            String status = answer.path("status").asText();
            switch (status) {
                case "accepted" -> summary.accepted++;
                case "duplicate" -> summary.duplicates++;
                default -> {
                    summary.rejected++;
                    String reason = answer.path("reason").asText("rejected");
                    String where = record.file() + " #" + (record.index() + 1);
                    if (summary.firstRejects.size() < 5) {
                        summary.firstRejects.add(where + ": " + reason);
                    }
                    if (rejects != null) {
                        rejects.write(JSON.writeValueAsString(java.util.Map.of("file", record.file(),
                                "record", record.index() + 1, "reason", reason)));
                        rejects.newLine();
                    }
                }
            }
        }
        if (rejects != null) {
            rejects.flush();
        }
    }

    /**
     * Sends one chunk (records that could not be read locally are answered as rejected without being sent).
     *
     * @param due when a paced chunk was due (its latencies count from then); 0 when not paced
     */
    ChunkResult send(List<ArticleRecord> records, long due) throws IOException, InterruptedException {
        long sent = due != 0 ? due : System.nanoTime();
        StringBuilder body = new StringBuilder();
        List<Integer> sentIndexes = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).json() != null) {
                body.append(records.get(i).json()).append('\n');
                sentIndexes.add(i);
            }
        }
        List<JsonNode> answers = new ArrayList<>();
        for (ArticleRecord record : records) {
            answers.add(record.json() == null
                    ? JSON.createObjectNode().put("status", "rejected").put("reason", record.problem()) : null);
        }
        if (!sentIndexes.isEmpty()) {
            List<JsonNode> lines = post(body.toString());
            if (lines.size() != sentIndexes.size()) {
                throw new IngestFailure("the server answered " + lines.size() + " lines for " + sentIndexes.size() + " articles");
            }
            for (int i = 0; i < lines.size(); i++) {
                answers.set(sentIndexes.get(i), lines.get(i));
            }
        }
        return new ChunkResult(records, answers, sent, System.nanoTime());
    }

    private List<JsonNode> post(String ndjson) throws IOException, InterruptedException {
        URI uri = URI.create(settings.ingestUrl().replaceAll("/+$", "") + "/articles/batch");
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/x-ndjson")
                .header("Accept", "application/x-ndjson")
                .header("Authorization", io.quotegraph.devstack.DevTokens.launcher())
                .POST(HttpRequest.BodyPublishers.ofString(ndjson, StandardCharsets.UTF_8))
                .build();
        String failure = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (response.statusCode() == 200) {
                    List<JsonNode> lines = new ArrayList<>();
                    for (String line : response.body().split("\n")) {
                        if (!line.isBlank()) {
                            lines.add(JSON.readTree(line));
                        }
                    }
                    return lines;
                }
                failure = "HTTP " + response.statusCode() + " from " + uri + ": " + abbreviate(response.body());
                if (response.statusCode() < 500) {
                    break; // the request itself is wrong (e.g. over a limit): retrying cannot help
                }
            } catch (IOException e) {
                failure = "could not reach " + uri + ": " + e;
            }
            Thread.sleep(500L << (attempt - 1));
        }
        throw new IngestFailure(failure);
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }

    /** The import stopped; the message says why and that it can be resumed. */
    public static final class IngestFailure extends RuntimeException {
        public IngestFailure(String message) {
            super(message);
        }
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
