package io.quotegraph.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quotegraph.cli.ingest.BulkIngester;
import io.quotegraph.devstack.JsonHttp;
import io.quotegraph.devstack.QuotegraphStack;
import io.quotegraph.devstack.StackSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
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

    @Option(names = "--articles", defaultValue = "10000", description = "Articles in all (default: ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--corpus", defaultValue = "../shared/eval/polnear-dev.jsonl",
            description = "The JSONL corpus to build from, {id, text, meta:{publisher,date,title}} per line (default: ${DEFAULT-VALUE}).")
    Path corpus;

    @Option(names = "--root", description = "The Quotegraph checkout (default: the current directory).")
    Path root = Path.of("");

    @Option(names = "--chunk", defaultValue = "100", description = "Articles per batch request (default: ${DEFAULT-VALUE}).")
    int chunk;

    @Option(names = "--parallel", defaultValue = "2", description = "Batch requests in flight (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--seed", defaultValue = "20240206", description = "Seed of the synthetic corpus (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--timeout-minutes", defaultValue = "60", description = "Give up waiting for delivery after this (default: ${DEFAULT-VALUE}).")
    int timeoutMinutes;

    /** When each accepted article was sent, until it is seen queryable. */
    private final Map<String, Long> pending = new ConcurrentHashMap<>();
    private final List<Long> latenciesNanos = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Long> peakKb = new ConcurrentHashMap<>();
    private Path dataDirectory;

    @Override
    public Integer call() throws Exception {
        Path temp = Files.createTempDirectory("quotegraph-bench");
        Path corpusFile = temp.resolve("bench-corpus.ndjson");
        int written = buildCorpus(corpusFile);
        System.out.printf(Locale.ROOT, "corpus: %,d articles (%s + synthetic) in %s%n", written, corpus, corpusFile);

        dataDirectory = temp.resolve("data").toAbsolutePath();
        StackSettings settings = StackSettings.isolated(root.toAbsolutePath(), dataDirectory);
        System.out.println("starting the system (fresh databases, free ports) ...");
        try (QuotegraphStack stack = QuotegraphStack.start(settings)) {
            Map<String, Long> pids = new LinkedHashMap<>(stack.servicePids());
            HttpClient http = HttpClient.newHttpClient();
            Thread watcher = new Thread(() -> watchDelivery(http, stack.ingestUrl(), pids), "bench-delivery-watcher");
            watcher.setDaemon(true);

            BulkIngester ingester = new BulkIngester(new BulkIngester.Settings(stack.ingestUrl(), chunk, parallel, null,
                    null, null), System.err, System.console() != null)
                    .onChunk(result -> {
                        for (JsonNode answer : result.answers()) {
                            if (answer != null && "accepted".equals(answer.path("status").asText())) {
                                pending.put(answer.path("id").asText(), result.sentNanos());
                            }
                        }
                    });
            long start = System.nanoTime();
            watcher.start();
            BulkIngester.Summary summary = ingester.run(List.of(corpusFile));
            long ingested = System.nanoTime();
            long deadline = start + Duration.ofMinutes(timeoutMinutes).toNanos();
            while (!pending.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            long queryable = System.nanoTime();
            watcher.interrupt();
            watcher.join(5000);
            sampleMemory(pids);

            long statements = new JsonHttp().graphql(stack.gatewayUrl(), "{ statements(first: 1) { totalCount } }", Map.of())
                    .path("statements").path("totalCount").asLong();
            report(summary, statements, start, ingested, queryable);
            return pending.isEmpty() ? 0 : 1;
        } finally {
            deleteRecursively(temp);
        }
    }

    /** The dev corpus as ingest-API articles, then synthetic articles mixing its paragraphs, up to --articles. */
    int buildCorpus(Path out) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        try (Stream<String> lines = Files.lines(corpus, StandardCharsets.UTF_8)) {
            for (String line : (Iterable<String>) lines.filter(l -> !l.isBlank())::iterator) {
                records.add(JSON.readTree(line));
            }
        }
        List<String> paragraphs = new ArrayList<>();
        List<String> publishers = new ArrayList<>();
        for (JsonNode record : records) {
            for (String paragraph : record.path("text").asText().split("\n\\s*\n")) {
                if (paragraph.strip().length() >= 80) {
                    paragraphs.add(paragraph.strip());
                }
            }
            publishers.add(record.path("meta").path("publisher").asText("unknown"));
        }
        Random random = new Random(seed);
        Instant base = Instant.parse("2024-01-01T00:00:00Z");
        int count = 0;
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (JsonNode record : records) {
                if (count >= articles) {
                    break;
                }
                ObjectNode article = JSON.createObjectNode();
                article.put("url", "https://bench.example/dev/" + record.path("id").asText());
                article.put("source", record.path("meta").path("publisher").asText("unknown"));
                if (record.path("meta").path("title").isTextual()) {
                    article.put("title", record.path("meta").path("title").asText());
                }
                article.put("text", record.path("text").asText());
                String date = record.path("meta").path("date").asText("");
                article.put("publishedAt", date.isEmpty() ? base.toString()
                        : LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant().toString());
                article.put("language", "en");
                writer.write(article.toString());
                writer.newLine();
                count++;
            }
            for (int i = 0; count < articles; i++, count++) {
                // 6 to 14 paragraphs from anywhere in the corpus: realistic prose and statements, unlike any one article
                int n = 6 + random.nextInt(9);
                StringBuilder text = new StringBuilder();
                for (int p = 0; p < n; p++) {
                    text.append(p == 0 ? "" : "\n\n").append(paragraphs.get(random.nextInt(paragraphs.size())));
                }
                ObjectNode article = JSON.createObjectNode();
                article.put("url", "https://bench.example/synthetic/" + seed + "/" + i);
                article.put("source", publishers.get(random.nextInt(publishers.size())));
                article.put("title", "Synthetic article " + i);
                article.put("text", text.toString());
                article.put("publishedAt", base.plusSeconds(60L * i).toString());
                writer.write(article.toString());
                writer.newLine();
            }
        }
        return count;
    }

    /** Polls the pending articles (100 ids per request) until each is DELIVERED (or another final state). */
    private void watchDelivery(HttpClient http, String ingestUrl, Map<String, Long> pids) {
        long lastMemorySample = 0;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (System.nanoTime() - lastMemorySample > 1_000_000_000L) {
                    sampleMemory(pids);
                    lastMemorySample = System.nanoTime();
                }
                List<String> ids = new ArrayList<>(pending.keySet());
                for (int from = 0; from < ids.size(); from += 100) {
                    List<String> slice = ids.subList(from, Math.min(ids.size(), from + 100));
                    String query = slice.stream().map(id -> "id=" + id).collect(Collectors.joining("&"));
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                    URI.create(ingestUrl + "/articles?limit=100&" + query)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    long now = System.nanoTime();
                    for (JsonNode article : JSON.readTree(response.body()).path("items")) {
                        String status = article.path("status").asText();
                        if (status.equals("DELIVERED") || status.equals("DUPLICATE") || status.equals("SKIPPED")) {
                            Long sent = pending.remove(article.path("id").asText());
                            if (sent != null) {
                                latenciesNanos.add(now - sent);
                            }
                        }
                    }
                }
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | RuntimeException e) {
                System.err.println("delivery watcher: " + e);
            }
        }
    }

    /** Peak resident set (VmHWM) of each service, of PostgreSQL's processes together, and of this JVM. */
    private void sampleMemory(Map<String, Long> pids) {
        pids.forEach((name, pid) -> peak(name, vmHwmKb(pid)));
        // pg_ctl daemonises the postmaster: find it by its data directory, then its backends are its descendants
        long postgres = ProcessHandle.allProcesses()
                .filter(p -> cmdline(p.pid()).contains("postgres") && cmdline(p.pid()).contains(dataDirectory.toString()))
                .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                .mapToLong(p -> vmRssKb(p.pid()))
                .sum();
        peak("postgresql (postmaster + backends, sum of RSS)", postgres);
        peak("bench JVM (importer + embedded MongoDB stand-in)", vmHwmKb(ProcessHandle.current().pid()));
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
        List<Long> sorted = new ArrayList<>(latenciesNanos);
        sorted.sort(Comparator.naturalOrder());
        long processed = summary.processed();
        System.out.println();
        System.out.printf(Locale.ROOT, "| figure | value |%n|---|---|%n");
        System.out.printf(Locale.ROOT, "| articles sent | %,d (%,d accepted, %,d duplicates, %,d rejected) |%n",
                processed, summary.accepted, summary.duplicates, summary.rejected);
        System.out.printf(Locale.ROOT, "| ingest API (stored) | %,.1f articles/s (%.1f s) |%n", processed / ingestSeconds, ingestSeconds);
        System.out.printf(Locale.ROOT, "| sustained, sent → all queryable | %,.1f articles/s (%.1f s) |%n", processed / totalSeconds, totalSeconds);
        System.out.printf(Locale.ROOT, "| statements | %,d = %,.1f statements/s |%n", statements, statements / totalSeconds);
        System.out.printf(Locale.ROOT, "| ingest-to-queryable latency | p50 %s, p95 %s, max %s (%,d articles) |%n",
                percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 1.0), sorted.size());
        if (!pending.isEmpty()) {
            System.out.printf(Locale.ROOT, "| not queryable in time | %,d |%n", pending.size());
        }
        peakKb.forEach((name, kb) -> System.out.printf(Locale.ROOT, "| peak memory: %s | %,d MB |%n", name, kb / 1024));
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

    static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("could not delete " + directory + ": " + e.getMessage());
        }
    }
}
