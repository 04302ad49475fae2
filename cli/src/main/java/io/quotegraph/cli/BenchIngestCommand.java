package io.quotegraph.cli;

import io.quotegraph.devstack.DevTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quotegraph.devstack.ingest.BulkIngester;
import io.quotegraph.devstack.ingest.ProcessCpu;
import io.quotegraph.devstack.ingest.SyntheticCorpus;
import io.quotegraph.devstack.JsonHttp;
import io.quotegraph.devstack.QuotegraphStack;
import io.quotegraph.devstack.StackSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * {@code ./quotegraph bench-ingest}: the whole system on its embedded defaults (fresh, on free ports, in a temp
 * directory), fed the dev corpus and a synthetic corpus built from it through the bulk importer, measuring sustained
 * throughput, ingest-to-queryable latency and peak memory per process.
 */
@Command(name = "bench-ingest", mixinStandardHelpOptions = true,
        description = {"Benchmark ingestion through the whole system: articles/s, statements/s, p95 ingest-to-queryable "
                + "latency and peak memory (VmHWM) per service.",
                "The corpus is the dev corpus plus synthetic articles built from its paragraphs (new ids, urls, dates and "
                        + "paragraph mixes, so that near-duplicate detection does not swallow them) up to --articles."})
final class BenchIngestCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BENCH_JVM = "bench JVM (importer, delivery watcher)";
    private static final int CLOCK_TICKS = ProcessCpu.CLOCK_TICKS;
    /** Pending articles polled every round: five of the delivery worker's batches, one request's most ids. */
    private static final int HEAD = 100;

    @Option(names = "--articles", defaultValue = "10000", description = "Articles in all (default: ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--corpus", defaultValue = "../shared/eval/polnear-dev.jsonl",
            description = "The JSONL corpus to build from, {id, text, meta:{publisher,date,title}} per line (default: ${DEFAULT-VALUE}).")
    Path corpus;

    @Option(names = "--root", description = "The Quotegraph checkout (default: the current directory).")
    Path root = Path.of("");

    @Option(names = "--chunk", description = "Articles per batch request (default: 100; with --rate, a tenth of a "
            + "second's articles).")
    Integer chunk;

    @Option(names = "--rate", description = "Offer this many articles/s (an open loop: each batch is sent when due, "
            + "whatever the system's answers; latencies count from then). Default: send as fast as the ingest API "
            + "answers, --parallel batches in flight, which offers more than the system delivers (a burst).")
    Double rate;

    @Option(names = "--parallel", defaultValue = "2", description = "Batch requests in flight (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--warmup", defaultValue = "0", description = "Articles sent first (as a burst) and waited for "
            + "until queryable, not measured: the services then run compiled code, as they do in a long run, instead of "
            + "paying their JIT compilation in the figures of a short one (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--seed", defaultValue = "20240206", description = "Seed of the synthetic corpus (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--timeout-minutes", defaultValue = "60", description = "Give up waiting for delivery after this (default: ${DEFAULT-VALUE}).")
    int timeoutMinutes;

    /**
     * Polling rounds of the delivery watcher. The latencies come from the delivery times, not from this; it bounds only
     * how late the end of a run is seen (CPU is counted until then) and the resolution of a SKIPPED article's latency.
     */
    private static final long POLL_MILLIS = 2000;

    /** When each accepted article was sent, until it is seen queryable. */
    private final Map<String, Long> pending = new ConcurrentHashMap<>();
    /** When the last article became queryable (System.nanoTime). */
    private volatile long lastQueryable;
    /** Wall clock minus System.nanoTime, in nanoseconds: turns ingest-service's delivery times into nanoTime. */
    private final long wallMinusNano = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
    /** Each queryable article's latency and when it was sent (System.nanoTime). */
    private final List<Latency> latencies = java.util.Collections.synchronizedList(new ArrayList<>());

    private record Latency(long sentNanos, long nanos) {
    }
    private final Map<String, Long> peakKb = new ConcurrentHashMap<>();
    /** CPU time (user + system, clock ticks) used by each process during the run; it does not depend on other load. */
    private final Map<String, Long> cpuTicks = new ConcurrentHashMap<>();
    /** Of {@link #cpuTicks}: the ticks of each JVM's JIT compiler threads. */
    private final Map<String, Long> compilerTicks = new ConcurrentHashMap<>();
    private Path dataDirectory;
    /** PostgreSQL's postmaster, once found (0 until then). */
    private volatile long postmaster;

    @Override
    public Integer call() throws Exception {
        if (rate != null && !(rate > 0)) {
            System.err.println("--rate must be a positive number of articles per second");
            return 2;
        }
        if (warmup < 0) {
            System.err.println("--warmup must not be negative");
            return 2;
        }
        Path temp = Files.createTempDirectory("quotegraph-bench");
        Path wholeCorpus = temp.resolve("bench-corpus-all.ndjson");
        int written = SyntheticCorpus.write(corpus, warmup + articles, seed, wholeCorpus);
        Path warmupFile = temp.resolve("bench-warmup.ndjson");
        // without a warm-up the whole corpus is measured: no copy of it (10⁵ articles are ~0.6 GB)
        Path corpusFile = warmup == 0 ? wholeCorpus : temp.resolve("bench-corpus.ndjson");
        long measured = warmup == 0 ? written : SyntheticCorpus.split(wholeCorpus, warmup, warmupFile, corpusFile);
        System.out.printf(Locale.ROOT, "corpus: %,d articles (%s + synthetic) in %s, the first %,d of them a warm-up "
                + "(%,d measured)%n", written, corpus, wholeCorpus, warmup, measured);

        dataDirectory = temp.resolve("data").toAbsolutePath();
        StackSettings settings = StackSettings.isolated(root.toAbsolutePath(), dataDirectory);
        System.out.println("starting the system (fresh databases, free ports) ...");
        try (QuotegraphStack stack = QuotegraphStack.start(settings)) {
            Map<String, Long> pids = new LinkedHashMap<>(stack.servicePids());
            HttpClient http = HttpClient.newHttpClient();
            Thread watcher = new Thread(() -> watchDelivery(http, stack.ingestUrl(), pids), "bench-delivery-watcher");
            watcher.setDaemon(true);

            long statementsBefore = 0;
            if (warmup > 0) {
                watcher.start();
                warmUp(stack.ingestUrl(), warmupFile);
                statementsBefore = statementCount(stack.gatewayUrl());
            }
            int chunkSize = chunk != null ? chunk : rate == null ? 100 : (int) Math.max(1, Math.round(rate / 10));
            BulkIngester ingester = new BulkIngester(new BulkIngester.Settings(stack.ingestUrl(), chunkSize, parallel,
                    null, null, null), System.err, System.console() != null)
                    .onChunk(this::awaitAccepted);
            if (rate != null) {
                ingester.pacedAt(rate);
            }
            System.out.println(rate == null
                    ? String.format(Locale.ROOT, "offered: all at once (%d articles per batch, %d batches in flight)",
                            chunkSize, parallel)
                    : String.format(Locale.ROOT, "offered: %.1f articles/s, open loop (%d articles per batch)", rate,
                            chunkSize));
            Map<String, Long> cpuAtStart = cpuTicks(pids);
            Map<String, Long> compilersAtStart = compilerTicks(pids);
            long start = System.nanoTime();
            if (warmup == 0) {
                watcher.start();
            }
            BulkIngester.Summary summary = ingester.run(List.of(corpusFile));
            long ingested = System.nanoTime();
            long deadline = start + Duration.ofMinutes(timeoutMinutes).toNanos();
            awaitPending(deadline);
            long queryable = pending.isEmpty() && lastQueryable != 0 ? lastQueryable : System.nanoTime();
            watcher.interrupt();
            watcher.join(5000);
            sampleMemory(pids);
            cpuTicks(pids).forEach((name, ticks) -> cpuTicks.put(name, ticks - cpuAtStart.getOrDefault(name, 0L)));
            compilerTicks(pids).forEach((name, ticks) ->
                    compilerTicks.put(name, Math.max(0, ticks - compilersAtStart.getOrDefault(name, 0L))));

            long statementsAfter = statementCount(stack.gatewayUrl());
            long statements = statementsBefore < 0 || statementsAfter < 0 ? -1 : statementsAfter - statementsBefore;
            report(summary, statements, start, ingested, queryable);
            return pending.isEmpty() ? 0 : 1;
        } finally {
            TempDirectories.deleteRecursively(temp);
        }
    }

    /**
     * Polls the pending articles until each is DELIVERED (or another final state): every {@value #POLL_MILLIS} ms
     * the {@value #HEAD} sent first (the worker takes articles in the order they were stored,
     * {@code ingest.delivery.batch-size} = 20 at a time), and every fifth round the next 100 of the others in turn, so
     * that one stuck at the front does not hide the rest. An article is queryable from its {@code deliveredAt}:
     * ingest-service records it after statements-service has answered that it stored the article's statements, which
     * the GraphQL read path then serves (so it is, if anything, late); a DUPLICATE or SKIPPED article (never
     * delivered) counts from when the poll sees it. The latencies thus do not depend on the polling rate, which is
     * kept low: each poll is an HTTP request to ingest-service (its HTTP handling, authentication and metrics), and
     * the probe is {@code GET /articles/statuses} (one short query): the article listing it replaced, polled every
     * 100 ms, was 13–21 % of ingest-service's CPU samples; every 500 ms, polling and its HTTP handling were still ~7 %
     * of them in a slow run (a cost per second of run, not per article).
     */
    private void watchDelivery(HttpClient http, String ingestUrl, Map<String, Long> pids) {
        long lastMemorySample = 0;
        int round = 0;
        int rotation = 0;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (System.nanoTime() - lastMemorySample > 1_000_000_000L) {
                    sampleMemory(pids);
                    lastMemorySample = System.nanoTime();
                }
                List<String> bySent = pending.entrySet().stream().sorted(Map.Entry.comparingByValue())
                        .map(Map.Entry::getKey).toList();
                List<List<String>> slices = new ArrayList<>();
                slices.add(bySent.subList(0, Math.min(HEAD, bySent.size())));
                List<String> rest = bySent.subList(Math.min(HEAD, bySent.size()), bySent.size());
                if (++round % 5 == 0 && !rest.isEmpty()) {
                    int from = (rotation * 100) % rest.size();
                    slices.add(rest.subList(from, Math.min(rest.size(), from + 100)));
                    rotation++;
                }
                for (List<String> slice : slices) {
                    if (slice.isEmpty()) {
                        continue;
                    }
                    String query = slice.stream().map(id -> "id=" + id).collect(Collectors.joining("&"));
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                    URI.create(ingestUrl + "/articles/statuses?" + query))
                                    .header("Authorization", DevTokens.launcher()).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    long now = System.nanoTime();
                    for (JsonNode article : JSON.readTree(response.body()).path("items")) {
                        String status = article.path("status").asText();
                        if (status.equals("DELIVERED") || status.equals("DUPLICATE") || status.equals("SKIPPED")) {
                            Long sent = pending.remove(article.path("id").asText());
                            if (sent != null) {
                                String deliveredAt = article.path("deliveredAt").asText("");
                                long queryable = status.equals("DELIVERED") && !deliveredAt.isEmpty()
                                        ? Math.min(now, deliveredNanos(deliveredAt)) : now;
                                latencies.add(new Latency(sent, queryable - sent));
                                lastQueryable = Math.max(lastQueryable, queryable);
                            }
                        }
                    }
                }
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | RuntimeException e) {
                System.err.println("delivery watcher: " + e);
            }
        }
    }

    /** Makes the watcher wait for each article of the chunk that was accepted, counting from when it was sent. */
    private void awaitAccepted(BulkIngester.ChunkResult result) {
        for (JsonNode answer : result.answers()) {
            if (answer != null && "accepted".equals(answer.path("status").asText())) {
                pending.put(answer.path("id").asText(), result.sentNanos());
            }
        }
    }

    /** Waits until the watcher has seen every pending article queryable, or the deadline; @return whether it has. */
    private boolean awaitPending(long deadlineNanos) throws InterruptedException {
        while (!pending.isEmpty() && System.nanoTime() < deadlineNanos) {
            Thread.sleep(200);
        }
        return pending.isEmpty();
    }

    /** The statements stored (through the gateway), or -1 if the count failed. */
    private static long statementCount(String gatewayUrl) {
        try {
            return new JsonHttp().graphql(gatewayUrl, "{ statements(first: 1) { totalCount } }", Map.of())
                    .path("statements").path("totalCount").asLong();
        } catch (RuntimeException e) {
            // on a loaded machine the count can time out: the figures measured so far are still worth printing
            System.err.println("could not count the statements: " + e.getMessage());
            return -1;
        }
    }

    /**
     * Sends the warm-up articles as a burst and waits until the watcher has seen all of them queryable; then forgets
     * their latencies, so that the figures are the measured articles' alone.
     */
    private void warmUp(String ingestUrl, Path warmupFile) throws IOException, InterruptedException {
        long started = System.nanoTime();
        BulkIngester.Summary summary = new BulkIngester(new BulkIngester.Settings(ingestUrl, 100, parallel, null, null,
                null), System.err, System.console() != null)
                .onChunk(this::awaitAccepted)
                .run(List.of(warmupFile));
        long deadline = started + Duration.ofMinutes(timeoutMinutes).toNanos();
        if (!awaitPending(deadline)) {
            throw new IllegalStateException(pending.size() + " warm-up articles were not queryable in time");
        }
        latencies.clear();
        lastQueryable = 0;
        System.out.printf(Locale.ROOT, "warm-up: %,d articles sent, all queryable after %.1f s (not measured)%n",
                summary.processed(), (System.nanoTime() - started) / 1e9);
    }

    /** ingest-service's delivery time (an ISO-8601 instant, same machine clock) as System.nanoTime. */
    private long deliveredNanos(String deliveredAt) {
        Instant instant = Instant.parse(deliveredAt);
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano() - wallMinusNano;
    }

    /** Peak resident set (VmHWM) of each service, of PostgreSQL's processes together, and of this JVM. */
    private void sampleMemory(Map<String, Long> pids) {
        pids.forEach((name, pid) -> peak(name, vmHwmKb(pid)));
        long postgres = postgresProcesses().map(BenchIngestCommand::vmRssKb).sum();
        peak("postgresql (postmaster + backends, sum of RSS)", postgres);
        peak(BENCH_JVM, vmHwmKb(ProcessHandle.current().pid()));
    }

    /**
     * The postmaster and its backends (its children). pg_ctl daemonises the postmaster, so it is found once among all
     * processes by its data directory; its children are then read from /proc (scanning every process's command line
     * each second was a quarter of the delivery watcher's CPU samples on a machine running many processes).
     */
    private LongStream postgresProcesses() {
        if (postmaster == 0) {
            postmaster = ProcessHandle.allProcesses()
                    .filter(p -> cmdline(p.pid()).contains("postgres") && cmdline(p.pid()).contains(
                            dataDirectory.resolve("postgres").toString()))
                    .mapToLong(ProcessHandle::pid).min().orElse(0);
        }
        if (postmaster == 0) {
            return LongStream.empty();
        }
        Path children = Path.of("/proc", Long.toString(postmaster), "task", Long.toString(postmaster), "children");
        try {
            String list = Files.readString(children).trim();
            return LongStream.concat(LongStream.of(postmaster),
                    list.isEmpty() ? LongStream.empty() : Arrays.stream(list.split(" ")).mapToLong(Long::parseLong));
        } catch (IOException | RuntimeException e) {
            // no /proc/PID/task/PID/children on this kernel: walk the process tree
            return ProcessHandle.of(postmaster).stream()
                    .flatMap(p -> Stream.concat(Stream.of(p), p.descendants())).mapToLong(ProcessHandle::pid);
        }
    }

    /** CPU ticks used so far by each service, by PostgreSQL (with the backends that exited) and by this JVM. */
    private Map<String, Long> cpuTicks(Map<String, Long> pids) {
        Map<String, Long> ticks = new LinkedHashMap<>();
        pids.forEach((name, pid) -> ticks.put(name, ProcessCpu.ticks(pid, false)));
        ticks.put("postgresql", postgresProcesses().map(pid -> ProcessCpu.ticks(pid, true)).sum());
        ticks.put(BENCH_JVM, ProcessCpu.ticks(ProcessHandle.current().pid(), false));
        return ticks;
    }

    /** CPU ticks used so far by the JIT compiler threads of each JVM (the services, the stand-in, this one). */
    private static Map<String, Long> compilerTicks(Map<String, Long> pids) {
        Map<String, Long> ticks = new LinkedHashMap<>();
        pids.forEach((name, pid) -> ticks.put(name, ProcessCpu.compilerTicks(pid)));
        ticks.put(BENCH_JVM, ProcessCpu.compilerTicks(ProcessHandle.current().pid()));
        return ticks;
    }

    private static String cmdline(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private void peak(String name, long kb) {
        peakKb.merge(name, kb, Math::max);
    }

    private static long vmHwmKb(long pid) {
        return statusField(pid, "VmHWM:");
    }

    private static long vmRssKb(long pid) {
        return statusField(pid, "VmRSS:");
    }

    private static long statusField(long pid, String field) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
            return lines.filter(l -> l.startsWith(field))
                    .map(l -> l.replaceAll("[^0-9]", ""))
                    .filter(s -> !s.isEmpty())
                    .mapToLong(Long::parseLong)
                    .findFirst().orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0; // not Linux, or the process is gone
        }
    }

    private void report(BulkIngester.Summary summary, long statements, long start, long ingested, long queryable) {
        double ingestSeconds = (ingested - start) / 1e9;
        double totalSeconds = (queryable - start) / 1e9;
        List<Long> sorted;
        List<Long> secondHalf;
        synchronized (latencies) {
            sorted = latencies.stream().map(Latency::nanos).sorted().toList();
            long middle = start + (ingested - start) / 2;
            secondHalf = latencies.stream().filter(l -> l.sentNanos() >= middle).map(Latency::nanos).sorted().toList();
        }
        long processed = summary.processed();
        System.out.println();
        System.out.printf(Locale.ROOT, "| figure | value |%n|---|---|%n");
        System.out.printf(Locale.ROOT, "| articles sent | %,d (%,d accepted, %,d duplicates, %,d rejected) |%n",
                processed, summary.accepted, summary.duplicates, summary.rejected);
        System.out.printf(Locale.ROOT, "| ingest API (stored) | %,.1f articles/s (%.1f s) |%n", processed / ingestSeconds, ingestSeconds);
        System.out.printf(Locale.ROOT, "| sustained, sent → all queryable | %,.1f articles/s (%.1f s) |%n", processed / totalSeconds, totalSeconds);
        if (statements >= 0) {
            System.out.printf(Locale.ROOT, "| statements | %,d = %,.1f statements/s |%n", statements, statements / totalSeconds);
        } else {
            System.out.println("| statements | not counted (the count timed out) |");
        }
        if (rate != null) {
            System.out.printf(Locale.ROOT, "| offered (open loop) | %,.1f articles/s: %s |%n", rate,
                    processed / totalSeconds >= 0.95 * rate ? "sustained" : "NOT sustained (the latencies include queueing)");
        } else {
            System.out.println("| offered | all at once: the latencies include the queue of the whole burst |");
        }
        System.out.printf(Locale.ROOT, "| ingest-to-queryable latency | p50 %s, p95 %s, max %s (%,d articles) |%n",
                percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 1.0), sorted.size());
        // the first articles also pay the services' JIT warm-up; the second half shows the run's steady state
        System.out.printf(Locale.ROOT, "| the same, articles sent in the second half of the sending | p50 %s, p95 %s, max %s (%,d articles) |%n",
                percentile(secondHalf, 0.50), percentile(secondHalf, 0.95), percentile(secondHalf, 1.0), secondHalf.size());
        if (!pending.isEmpty()) {
            System.out.printf(Locale.ROOT, "| not queryable in time | %,d |%n", pending.size());
        }
        peakKb.forEach((name, kb) -> System.out.printf(Locale.ROOT, "| peak memory: %s | %,d MB |%n", name, kb / 1024));
        long totalTicks = cpuTicks.values().stream().mapToLong(Long::longValue).sum();
        cpuTicks.forEach((name, ticks) -> System.out.printf(Locale.ROOT, "| CPU: %s | %,.1f s = %,.1f ms/article%s |%n",
                name, ticks / (double) CLOCK_TICKS, 1000.0 * ticks / CLOCK_TICKS / Math.max(1, processed),
                compilerTicks.containsKey(name) ? String.format(Locale.ROOT, ", of which JIT compilers %,.1f ms",
                        1000.0 * compilerTicks.get(name) / CLOCK_TICKS / Math.max(1, processed)) : ""));
        long jitTicks = compilerTicks.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf(Locale.ROOT, "| CPU in all | %,.1f s = %,.1f ms/article: at most %,.0f articles/s on %d cores |%n",
                totalTicks / (double) CLOCK_TICKS, 1000.0 * totalTicks / CLOCK_TICKS / Math.max(1, processed),
                totalTicks == 0 ? 0 : Runtime.getRuntime().availableProcessors() * processed * (double) CLOCK_TICKS / totalTicks,
                Runtime.getRuntime().availableProcessors());
        // the JIT's work is per run, not per article: a longer run (or --warmup) spreads it thinner
        System.out.printf(Locale.ROOT, "| CPU in all but the JIT compilers | %,.1f ms/article: at most %,.0f articles/s on %d cores |%n",
                1000.0 * (totalTicks - jitTicks) / CLOCK_TICKS / Math.max(1, processed),
                totalTicks == jitTicks ? 0 : Runtime.getRuntime().availableProcessors() * processed
                        * (double) CLOCK_TICKS / (totalTicks - jitTicks),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%nmachine: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
    }

    private static String percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return "-";
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return String.format(Locale.ROOT, "%.2f s", sorted.get(Math.max(0, index)) / 1e9);
    }
}
