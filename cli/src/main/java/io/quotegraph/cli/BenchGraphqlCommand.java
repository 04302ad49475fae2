package io.quotegraph.cli;

import io.quotegraph.devstack.DevTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quotegraph.devstack.ingest.BulkIngester;
import io.quotegraph.devstack.ingest.SyntheticCorpus;
import io.quotegraph.devstack.JsonHttp;
import io.quotegraph.devstack.QuotegraphStack;
import io.quotegraph.devstack.SampleLoader;
import io.quotegraph.devstack.ServiceProcess;
import io.quotegraph.devstack.StackSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./quotegraph bench-graphql}: the whole system on its embedded defaults (fresh, free loopback ports, a temp
 * directory) with the sample articles and the dev corpus loaded. Its gateway answers with the response cache on
 * (the default, mode "batched+cache"); a second gateway over the same backends has the cache off ("batched",
 * {@code QUOTEGRAPH_GATEWAY_RESPONSE_CACHE_ENABLED=false}) and a third batching off as well ("unbatched",
 * {@code QUOTEGRAPH_GATEWAY_BATCHING=false}). With {@code --cache ahead} the second gateway has the cache on but no
 * refresh-ahead ("batched+cache, no refresh-ahead"), to compare the two back to back. Each representative query runs for a bounded time at 1, 10 and 50
 * concurrent clients against each gateway; backend calls are counted from the gateways' REST-client metrics, cache hits
 * from the cache's counter. Prints markdown tables.
 */
@Command(name = "bench-graphql", mixinStandardHelpOptions = true,
        description = {"Benchmark the GraphQL gateway: p50/p99 latency, requests/s and backend calls per query at 1, 10 "
                + "and 50 concurrent clients, batched and unbatched, on loopback.",
                "Loads the sample articles and the dev corpus into a fresh system first."})
final class BenchGraphqlCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A request slower than this is an error (keeps each cell bounded on an overloaded machine). */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int ERROR_SAMPLES = 3;
    static final int ERROR_SAMPLE_CHARS = 300;
    /** A REST-client request counter line (its value may be followed by an exemplar). */
    private static final Pattern CLIENT_CALLS = Pattern.compile("^http_client_requests_seconds_count\\{[^}]*} ([0-9.E+-]+)",
            Pattern.MULTILINE);
    /** A REST-client timer line, count or sum, with its labels (for the time per backend route). */
    private static final Pattern CLIENT_TIMER = Pattern.compile(
            "^http_client_requests_seconds_(count|sum)\\{([^}]*)} ([0-9.E+-]+)", Pattern.MULTILINE);
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    /** The response cache's hit, stale (hit past max-staleness while recomputed), miss and refresh-ahead counters. */
    private static final Pattern CACHE = Pattern.compile(
            "^quotegraph_gateway_response_cache_total\\{[^}]*result=\"(hit|stale|miss|refresh)\"[^}]*} ([0-9.E+-]+)",
            Pattern.MULTILINE);

    /** The gateway process's CPU time so far (Micrometer's process binder). */
    private static final Pattern PROCESS_CPU = Pattern.compile("^process_cpu_time_ns_total ([0-9.E+-]+)",
            Pattern.MULTILINE);
    /** The gateway JVM's garbage-collection pauses so far, count or seconds, per collector and cause. */
    /** ingest-service's articles not yet delivered, per status (a gauge refreshed every 15 s). */
    private static final Pattern DELIVERY_BACKLOG = Pattern.compile(
            "^quotegraph_delivery_backlog_articles\\{[^}]*} ([0-9.E+-]+)", Pattern.MULTILINE);
    /** The longest warm-up of a cell, in one-second runs, before it is measured anyway (marked "not steady"). */
    static final int MAX_WARMUP_SECONDS = 8;
    /** The longest the load step may take to settle. */
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(10);
    private static final Pattern GC_PAUSES = Pattern.compile(
            "^jvm_gc_pause_seconds_(count|sum)\\{[^}]*} ([0-9.E+-]+)", Pattern.MULTILINE);

    /** The three representative queries: name → document. */
    static final Map<String, String> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("articles>statements>speaker,events (50)", """
                { articles(first: 50) { edges { node { id title
                    statements(first: 10) { totalCount edges { node { id kind content { text }
                      speaker { id name } occasion { id title } } } }
                    events { id title } } } } }""");
        QUERIES.put("speakers>statements>article (20)", """
                { speakers(first: 20) { edges { node { id name roles { title }
                    statements(first: 5) { totalCount edges { node { id content { text } article { title publishedAt } } } } } } } }""");
        QUERIES.put("statements>speaker,article,about (20)", """
                { statements(first: 20) { totalCount edges { node { id kind content { text }
                    speaker { name } article { title source } about { name } } } } }""");
    }

    @Option(names = "--seconds", defaultValue = "3", description = "Measured seconds per cell (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--corpus", defaultValue = "../shared/eval/polnear-dev.jsonl",
            description = "Extra articles to load: JSONL {id, text, meta:{publisher,date,title}} (default: ${DEFAULT-VALUE}).")
    Path corpus;

    @Option(names = "--root", description = "The Quotegraph checkout (default: the current directory).")
    Path root = Path.of("");

    @Option(names = "--clients", split = ",", defaultValue = "1,10,50",
            description = "Concurrent clients of each cell, comma-separated (default: ${DEFAULT-VALUE}).")
    int[] clientCounts;

    @Option(names = "--query", description = "Run only the queries whose name contains this (default: all three).")
    String queryFilter;

    @Option(names = "--batched-only", description = "Do not start the unbatched gateway (shorter run).")
    boolean batchedOnly;

    /** Which batched gateways to measure; ahead: cache on with and without refresh-ahead. */
    enum CacheModes { both, on, off, ahead }

    @Option(names = "--cache", defaultValue = "both",
            description = "Batched gateway with the response cache on, off, or both; ahead: cache on, with refresh-ahead "
                    + "(the default) and without (default: ${DEFAULT-VALUE}).")
    CacheModes cache;

    @Option(names = "--http2", description = "All clients share one HTTP/2 connection (h2c), as before part 8 of "
            + "docs/graphql-performance.md; default: each client its own HTTP/1.1 connection, like separate browsers.")
    boolean http2;

    @Option(names = "--gzip", description = "Send Accept-Encoding: gzip; compressed answers are decompressed by the "
            + "client before they are checked, as a browser would.")
    boolean gzip;

    @Option(names = "--gateway-jvm-options", paramLabel = "OPTIONS",
            description = "Also measure a gateway with the response cache on, started with these JVM options (split at "
                    + "whitespace) instead of the gateway's default ones, over the same backends; its cells run right "
                    + "after the default gateway's. Repeat to compare several, e.g. --gateway-jvm-options=-XX:+UseSerialGC.")
    List<String> gatewayJvmOptions = List.of();

    /** Metrics reads. */
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The first few errors of the run, printed under the table to explain its "errors" column. */
    private final Queue<String> errorSamples = new ConcurrentLinkedQueue<>();

    @Override
    public Integer call() throws Exception {
        if (seconds < 1 || seconds > 60) {
            System.err.println("--seconds must be between 1 and 60");
            return 2;
        }
        for (int clients : clientCounts) {
            if (clients < 1 || clients > 200) {
                System.err.println("--clients must be between 1 and 200, got " + clients);
                return 2;
            }
        }
        Path temp = Files.createTempDirectory("quotegraph-bench-graphql");
        Path data = temp.resolve("data").toAbsolutePath();
        Path projectRoot = root.toAbsolutePath();
        System.out.println("starting the system (fresh databases, free loopback ports) ...");
        List<ServiceProcess> extraGateways = new ArrayList<>();
        try (QuotegraphStack stack = QuotegraphStack.start(StackSettings.isolated(projectRoot, data));
             BenchClients clients = new BenchClients(http2, gzip, REQUEST_TIMEOUT)) {
            Map<String, String> gateways = new LinkedHashMap<>();
            if (cache != CacheModes.off) {
                gateways.put("batched+cache", stack.gatewayUrl());
            }
            if (cache == CacheModes.ahead) {
                // refresh-after at the max staleness: entries expire under load instead of being refreshed
                gateways.put("batched+cache, no refresh-ahead", startGateway(stack, "gateway-noahead",
                        Map.of("QUOTEGRAPH_GATEWAY_RESPONSE_CACHE_ENABLED", "true",
                                "QUOTEGRAPH_GATEWAY_RESPONSE_CACHE_MAX_STALENESS", "1s",
                                "QUOTEGRAPH_GATEWAY_RESPONSE_CACHE_REFRESH_AFTER", "1s"),
                        StackSettings.jvmOptions("gateway"), extraGateways));
            } else if (cache != CacheModes.on) {
                gateways.put("batched", startGateway(stack, "gateway-nocache", Map.of(), StackSettings.jvmOptions("gateway"),
                        extraGateways));
            }
            for (String options : gatewayJvmOptions) {
                List<String> jvmOptions = options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
                gateways.put("batched+cache, " + String.join(" ", jvmOptions), startGateway(stack,
                        "gateway-options-" + gateways.size(), Map.of("QUOTEGRAPH_GATEWAY_RESPONSE_CACHE_ENABLED", "true"),
                        jvmOptions, extraGateways));
            }
            if (!batchedOnly) {
                gateways.put("unbatched", startGateway(stack, "gateway-unbatched",
                        Map.of("QUOTEGRAPH_GATEWAY_BATCHING", "false"), StackSettings.jvmOptions("gateway"), extraGateways));
            }
            String profiled = gateways.containsKey("batched") ? "batched" : "batched+cache";
            long statements = load(stack);
            System.out.printf(Locale.ROOT, "loaded: %d statements; %d s per cell; load average %s%n%n",
                    statements, seconds, loadAverage());
            System.out.println((http2 ? "clients: all on one shared HTTP/2 connection (--http2)"
                    : "clients: each on its own HTTP/1.1 connection")
                    + (gzip ? "; Accept-Encoding: gzip (--gzip)" : ""));
            System.out.println("answers: every one checked whole (status 200, no top-level \"errors\", non-empty "
                    + "\"data\"): parsed, or byte for byte the client's last answer that passed");

            System.out.println("| query | clients (" + (http2 ? "one HTTP/2 connection" : "HTTP/1.1 each")
                    + ") | mode | p50 ms | p99 ms | req/s | backend calls/query | cache hits "
                    + "| refreshes/s | gateway CPU ms/req | bench CPU ms/req | gateway GC pauses (n, ms) | warm-up s "
                    + "(rate steady?) | errors |");
            System.out.println("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|");
            List<String> routeLines = new ArrayList<>();
            for (Map.Entry<String, String> query : QUERIES.entrySet()) {
                if (queryFilter != null && !query.getKey().contains(queryFilter)) {
                    continue;
                }
                for (int clientCount : clientCounts) {
                    for (Map.Entry<String, String> gateway : gateways.entrySet()) {
                        Cell cell = measure(clients, gateway.getValue(), query.getValue(), clientCount);
                        System.out.printf(Locale.ROOT, "| %s | %d | %s | %.1f | %.1f | %.0f | %.1f | %s | %s | %.2f | %.2f | %.0f, %.0f | %d, %s | %d |%n",
                                query.getKey(), clientCount, gateway.getKey(), cell.p50Millis(), cell.p99Millis(),
                                cell.perSecond(), cell.backendCallsPerQuery(),
                                Double.isNaN(cell.hitRatio()) ? "–" : String.format(Locale.ROOT, "%.0f %%", 100 * cell.hitRatio()),
                                Double.isNaN(cell.hitRatio()) ? "–" : String.format(Locale.ROOT, "%.1f", cell.refreshesPerSecond()),
                                cell.gatewayCpuMillisPerRequest(), cell.benchCpuMillisPerRequest(), cell.gcPauses(),
                                cell.gcPauseMillis(), cell.warmupSeconds(), cell.steady() ? "steady" : "NOT steady",
                                cell.errors());
                        if (gateway.getKey().equals(profiled)) {
                            cell.routes().forEach((route, time) -> routeLines.add(String.format(Locale.ROOT,
                                    "| %s | %d | %s | %.1f | %.1f |", query.getKey(), clientCount, route,
                                    time.calls() / Math.max(1, cell.queries()), time.meanMillis())));
                        }
                    }
                }
            }
            // where a batched query's time goes: the gateway's REST-client timers per backend route
            System.out.println();
            System.out.println("| query | clients | backend route (" + profiled + ") | calls/query | mean ms/call |");
            System.out.println("|---|---:|---|---:|---:|");
            routeLines.forEach(System.out::println);
            if (!errorSamples.isEmpty()) {
                System.out.println();
                System.out.println("first errors (of the column \"errors\"):");
                errorSamples.forEach(error -> System.out.println("- " + error));
            }
            System.out.printf(Locale.ROOT, "%nload average after: %s%n", loadAverage());
            return 0;
        } finally {
            extraGateways.forEach(ServiceProcess::close);
            TempDirectories.deleteRecursively(temp);
        }
    }

    /** Another gateway over the stack's backends, with its response cache off unless these settings say otherwise. */
    private String startGateway(QuotegraphStack stack, String name, Map<String, String> settings,
                                List<String> jvmOptions, List<ServiceProcess> started) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_REST_CLIENT_INGEST_SERVICE_URL", stack.ingestUrl());
        env.put("QUARKUS_REST_CLIENT_STATEMENTS_SERVICE_URL", stack.statementsUrl());
        env.put("QUOTEGRAPH_GATEWAY_RESPONSE_CACHE_ENABLED", "false");
        env.putAll(settings);
        ServiceProcess gateway = ServiceProcess.start(name, root.toAbsolutePath().resolve("gateway"), freePort(), env, "384m",
                jvmOptions, stack.logDirectory());
        started.add(gateway);
        gateway.awaitReady(Duration.ofMinutes(3));
        return gateway.baseUrl();
    }

    /** The sample articles and the corpus, through the ingest API; waits until the load step settles ({@link LoadSettling}). */
    private long load(QuotegraphStack stack) throws Exception {
        SampleLoader samples = new SampleLoader(stack.ingestUrl());
        List<String> sampleIds = samples.load(root.toAbsolutePath().resolve("examples/articles"));
        for (int wait = 1; ; wait++) {
            try {
                samples.awaitDelivered(sampleIds);
                break;
            } catch (IllegalStateException notYet) {
                // on a busy machine a first delivery may time out and be retried later by ingest-service
                if (wait == 5) {
                    throw notYet;
                }
                System.err.println("still waiting for the samples: " + notYet.getMessage());
            }
        }
        if (Files.isRegularFile(corpus)) {
            int corpusArticles = (int) Files.lines(corpus).filter(l -> !l.isBlank()).count(); // no synthetic ones
            Path articles = Files.createTempFile("bench-graphql-corpus", ".ndjson");
            try {
                SyntheticCorpus.write(corpus, corpusArticles, 1L, articles);
                new BulkIngester(new BulkIngester.Settings(stack.ingestUrl(), 100, 2, null, null, null), System.err, false)
                        .run(List.of(articles));
            } finally {
                Files.deleteIfExists(articles);
            }
        } else {
            System.err.println("no corpus at " + corpus + ": the sample articles only");
        }
        JsonHttp json = new JsonHttp();
        LoadSettling settling = new LoadSettling(System.nanoTime());
        long deadline = System.nanoTime() + LOAD_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            long count;
            try {
                count = json.graphql(stack.gatewayUrl(), "{ statements(first: 1) { totalCount } }", Map.of())
                        .path("statements").path("totalCount").asLong();
            } catch (RuntimeException busy) {
                count = -1; // statements-service busy with deliveries: not settled yet
            }
            long backlog;
            try {
                backlog = (long) sum(DELIVERY_BACKLOG, metrics(stack.ingestUrl()), "");
            } catch (IOException | RuntimeException unreadable) {
                backlog = -1;
            }
            if (settling.observe(System.nanoTime(), count, backlog)) {
                System.out.printf(Locale.ROOT, "load step settled after %.0f s: delivery backlog 0, %d statements "
                        + "unchanged for %d s%n", settling.elapsedSeconds(System.nanoTime()), count,
                        LoadSettling.QUIET.toSeconds());
                return count;
            }
            Thread.sleep(500);
        }
        System.out.printf(Locale.ROOT, "load step NOT settled after %d min (last: %s): the cells measure a system "
                + "still loading%n", LOAD_TIMEOUT.toMinutes(), settling.last());
        return settling.count();
    }

    /**
     * When the load step is over: every article delivered — ingest-service's delivery backlog gauges
     * ({@code quotegraph_delivery_backlog_articles}, all statuses) at 0 — and the statement count readable and
     * unchanged for {@link #QUIET}. The count alone was not enough: under load deliveries paused (retries, a busy
     * statements-service) for longer than the quiet time and the step ended at a tenth of the statements. QUIET is
     * longer than the gauges' refresh ({@code ingest.metrics.backlog-refresh}, 15 s), so a backlog of 0 read at its end
     * was computed within the quiet time, after every article had been sent (the gauges start at 0).
     */
    static final class LoadSettling {
        static final Duration QUIET = Duration.ofSeconds(20);

        private final long startNanos;
        private long count = -1;
        private long backlog = -1;
        private long unchangedSince;

        LoadSettling(long startNanos) {
            this.startNanos = startNanos;
            this.unchangedSince = startNanos;
        }

        /** One reading (-1: unreadable); whether the load step has settled with it. */
        boolean observe(long nanos, long statementCount, long deliveryBacklog) {
            if (statementCount != count) {
                count = statementCount;
                unchangedSince = nanos;
            }
            backlog = deliveryBacklog;
            return count >= 0 && backlog == 0 && nanos - unchangedSince >= QUIET.toNanos();
        }

        long count() {
            return count;
        }

        double elapsedSeconds(long nanos) {
            return (nanos - startNanos) / 1e9;
        }

        String last() {
            return count + " statements, delivery backlog " + (backlog < 0 ? "unreadable" : backlog);
        }
    }

    record Cell(double p50Millis, double p99Millis, double perSecond, double backendCallsPerQuery, double hitRatio,
                double refreshesPerSecond, double gatewayCpuMillisPerRequest, double benchCpuMillisPerRequest,
                double gcPauses, double gcPauseMillis, int warmupSeconds, boolean steady,
                long errors, long queries, Map<String, RouteTime> routes) {
    }

    /** Calls of one backend route in a cell and their mean duration as the gateway's REST client saw it. */
    record RouteTime(double calls, double meanMillis) {
    }

    /**
     * Warm-up seconds until the rate is steady ({@link #steadyRate}, at most {@value #MAX_WARMUP_SECONDS}), then
     * {@code clients} clients posting the query back to back for --seconds.
     */
    private Cell measure(BenchClients benchClients, String gatewayUrl, String query, int clients) throws Exception {
        byte[] body = JSON.writeValueAsBytes(Map.of("query", query));
        String url = gatewayUrl + "/graphql";
        Map<String, String> headers = Map.of("Content-Type", "application/json", "Authorization", DevTokens.launcher());
        int warmupSeconds = 0;
        boolean steady = false;
        long previousAnswers = -1;
        while (!steady && warmupSeconds < MAX_WARMUP_SECONDS) {
            long answers = benchClients.run(url, headers, body, clients, Duration.ofSeconds(1), error -> { })
                    .latencyNanos().size();
            warmupSeconds++;
            steady = previousAnswers >= 0 && steadyRate(previousAnswers, answers);
            previousAnswers = answers;
        }

        String metricsBefore = metrics(gatewayUrl);
        long start = System.nanoTime();
        long benchCpuBefore = benchCpuNanos();
        BenchClients.Outcome outcome = benchClients.run(url, headers, body, clients, Duration.ofSeconds(seconds),
                this::sampleError);
        List<Long> latencies = new ArrayList<>(outcome.latencyNanos());
        double benchCpuMillis = (benchCpuNanos() - benchCpuBefore) / 1e6;
        double elapsedSeconds = (System.nanoTime() - start) / 1e9;
        String metricsAfter = metrics(gatewayUrl);
        double calls = sum(CLIENT_CALLS, metricsAfter, "") - sum(CLIENT_CALLS, metricsBefore, ""); // all backends and routes

        latencies.sort(null);
        int n = latencies.size();
        Map<String, double[]> before = routeTimers(metricsBefore);
        Map<String, RouteTime> routes = new LinkedHashMap<>();
        routeTimers(metricsAfter).forEach((route, after) -> {
            double[] was = before.getOrDefault(route, new double[2]);
            double routeCalls = after[0] - was[0];
            if (routeCalls > 0) {
                routes.put(route, new RouteTime(routeCalls, (after[1] - was[1]) * 1000 / routeCalls));
            }
        });
        double[] cacheBefore = cacheCounts(metricsBefore);
        double[] cacheAfter = cacheCounts(metricsAfter);
        double hits = cacheAfter[0] - cacheBefore[0];
        double lookups = hits + cacheAfter[1] - cacheBefore[1];
        double refreshes = cacheAfter[2] - cacheBefore[2];
        // the gateway's CPU over the cell (hits, misses and refreshes alike) per answered request
        double cpuMillis = (sum(PROCESS_CPU, metricsAfter, "") - sum(PROCESS_CPU, metricsBefore, "")) / 1e6;
        double gcPauses = sum(GC_PAUSES, metricsAfter, "count") - sum(GC_PAUSES, metricsBefore, "count");
        double gcPauseMillis = (sum(GC_PAUSES, metricsAfter, "sum") - sum(GC_PAUSES, metricsBefore, "sum")) * 1000;
        return new Cell(percentile(latencies, 0.50), percentile(latencies, 0.99), n / elapsedSeconds,
                n == 0 ? 0 : calls / n, lookups == 0 ? Double.NaN : hits / lookups, refreshes / elapsedSeconds,
                n == 0 ? Double.NaN : cpuMillis / n, n == 0 ? Double.NaN : benchCpuMillis / n, gcPauses, gcPauseMillis,
                warmupSeconds, steady, outcome.errors(), n, routes);
    }

    /**
     * Whether two consecutive warm-up seconds answered at the same rate, within what counting noise allows: their
     * answer counts differ by at most a tenth of the larger, or by twice the standard deviation of a Poisson count
     * (2 √(a + b)) when that is wider (a few answers per second). A second without answers is never steady. The cell's
     * first seconds are slower while the JIT compiles and the cache's entry is computed; before part 13 one second of
     * warm-up was counted as enough whatever it showed.
     */
    static boolean steadyRate(long previousAnswers, long answers) {
        if (previousAnswers <= 0 || answers <= 0) {
            return false;
        }
        double tolerance = Math.max(0.1 * Math.max(previousAnswers, answers), 2 * Math.sqrt(previousAnswers + answers));
        return Math.abs(answers - previousAnswers) <= tolerance;
    }

    /** Keeps the first few errors, so that the table's "errors" column can be explained. */
    private void sampleError(String description) {
        if (errorSamples.size() < ERROR_SAMPLES) {
            errorSamples.add(description);
        }
    }

    /** A service's Prometheus metrics. */
    private String metrics(String serviceUrl) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(serviceUrl + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Per "METHOD uri" of the gateway's REST clients: {calls, seconds} so far (all outcomes). */
    static Map<String, double[]> routeTimers(String metrics) {
        Map<String, double[]> timers = new java.util.TreeMap<>();
        Matcher m = CLIENT_TIMER.matcher(metrics);
        while (m.find()) {
            Map<String, String> labels = new java.util.HashMap<>();
            Matcher label = LABEL.matcher(m.group(2));
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
            String route = labels.getOrDefault("method", "?") + " " + labels.getOrDefault("uri", "?");
            timers.computeIfAbsent(route, r -> new double[2])[m.group(1).equals("count") ? 0 : 1]
                    += Double.parseDouble(m.group(3));
        }
        return timers;
    }

    /**
     * The response cache's {hits, misses, refreshes ahead} so far (zeros with the cache off); a stale answer (served
     * from the cache past its max staleness while it is recomputed) counts as a hit.
     */
    static double[] cacheCounts(String metrics) {
        double[] counts = new double[3];
        Matcher m = CACHE.matcher(metrics);
        while (m.find()) {
            counts[List.of("hit", "miss", "refresh").indexOf(m.group(1).equals("stale") ? "hit" : m.group(1))]
                    += Double.parseDouble(m.group(2));
        }
        return counts;
    }

    /**
     * The sum of a metric's values so far: the lines of {@code pattern} whose first group is {@code kind} (its last
     * group the value; a pattern with one group has no kind, pass "").
     */
    static double sum(Pattern pattern, String metrics, String kind) {
        double total = 0;
        Matcher m = pattern.matcher(metrics);
        while (m.find()) {
            if (m.groupCount() == 1 || m.group(1).equals(kind)) {
                total += Double.parseDouble(m.group(m.groupCount()));
            }
        }
        return total;
    }

    private static double percentile(List<Long> sortedNanos, double p) {
        if (sortedNanos.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.min(sortedNanos.size() - 1, Math.ceil(p * sortedNanos.size()) - 1);
        return sortedNanos.get(Math.max(0, index)) / 1e6;
    }

    /** This process's CPU time so far (its client threads, their HTTP clients' threads, the answer checks, GC). */
    private static long benchCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
