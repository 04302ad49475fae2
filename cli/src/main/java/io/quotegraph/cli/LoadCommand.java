package io.quotegraph.cli;

import io.quotegraph.devstack.DevTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quotegraph.devstack.ingest.SyntheticCorpus;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./quotegraph load}: a fresh system on free loopback ports, ingested into and queried at the same time for a
 * bounded duration; prints per endpoint the requests, throughput, errors and latency percentiles.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Load the whole system (loopback only, a fresh system on free ports) for a bounded time: clients "
                + "POST /articles while others run GraphQL queries (statements, speakers, article); prints per endpoint "
                + "requests, req/s, errors (non-2xx, transport errors, GraphQL errors), p50, p99 and max latency."})
final class LoadCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(s|m)?");

    private static final String STATEMENTS = "query($text: String) { statements(first: 20, text: $text) { totalCount "
            + "edges { node { id kind content { text } speaker { id name } } } } }";
    private static final String SPEAKERS = "query($search: String) { speakers(first: 10, search: $search) { totalCount "
            + "edges { node { id name } } } }";
    private static final String ARTICLE = "query($id: ID!) { article(id: $id) { id title statements(first: 10) { totalCount } } }";
    private static final List<String> WORDS = List.of("president", "minister", "said", "government", "war", "police",
            "election", "economy", "court", "people");

    @Option(names = "--duration", defaultValue = "120s", description = "How long to load, e.g. 120s or 3m (default: ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--ingest-clients", defaultValue = "2", description = "Concurrent POST /articles clients (default: ${DEFAULT-VALUE}).")
    int ingestClients;

    @Option(names = "--query-clients", defaultValue = "4", description = "Concurrent GraphQL clients (default: ${DEFAULT-VALUE}).")
    int queryClients;

    @Option(names = "--corpus", defaultValue = "../shared/eval/polnear-dev.jsonl",
            description = "The JSONL corpus to build the articles from (default: ${DEFAULT-VALUE}).")
    Path corpus;

    @Option(names = "--root", description = "The Quotegraph checkout (default: the current directory).")
    Path root = Path.of("");

    @Option(names = "--seed", defaultValue = "20240207", description = "Seed of the synthetic articles (default: ${DEFAULT-VALUE}).")
    long seed;

    private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final Map<String, String> firstErrors = new ConcurrentHashMap<>();
    private final List<String> ingestedIds = Collections.synchronizedList(new ArrayList<>());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public Integer call() throws Exception {
        Duration length = parseDuration(duration);
        Path temp = Files.createTempDirectory("quotegraph-load");
        Path corpusFile = temp.resolve("load-corpus.ndjson");
        // more articles than the clients can send in the time: none is sent twice
        int articles = (int) Math.min(200_000, Math.max(1000, length.toSeconds() * 100));
        SyntheticCorpus.write(corpus, articles, seed, corpusFile);
        List<String> bodies = Files.readAllLines(corpusFile, StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "load average before: %s%n", loadAverage());
        System.out.println("starting the system (fresh databases, free ports) ...");
        try (QuotegraphStack stack = QuotegraphStack.start(StackSettings.isolated(root.toAbsolutePath(), temp.resolve("data")))) {
            System.out.printf(Locale.ROOT, "loading for %d s: %d ingest clients, %d GraphQL clients%n", length.toSeconds(),
                    ingestClients, queryClients);
            long deadline = System.nanoTime() + length.toNanos();
            AtomicInteger next = new AtomicInteger();
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < ingestClients; i++) {
                clients.add(start("load-ingest-" + i, () -> {
                    for (int n; System.nanoTime() < deadline && (n = next.getAndIncrement()) < bodies.size(); ) {
                        ingest(stack.ingestUrl(), bodies.get(n));
                    }
                }));
            }
            for (int i = 0; i < queryClients; i++) {
                clients.add(start("load-query-" + i, () -> {
                    while (System.nanoTime() < deadline) {
                        query(stack.gatewayUrl());
                    }
                }));
            }
            long start = System.nanoTime();
            for (Thread client : clients) {
                client.join();
            }
            report((System.nanoTime() - start) / 1e9);
            System.out.printf(Locale.ROOT, "load average after: %s%n", loadAverage());
        } finally {
            TempDirectories.deleteRecursively(temp);
        }
        return 0;
    }

    private static Thread start(String name, Runnable client) {
        Thread thread = new Thread(client, name);
        thread.start();
        return thread;
    }

    private void ingest(String ingestUrl, String body) {
        JsonNode answer = send("POST /articles", HttpRequest.newBuilder(URI.create(ingestUrl + "/articles"))
                .header("Content-Type", "application/json")
                .header("Authorization", DevTokens.launcher())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), false);
        if (answer != null && answer.hasNonNull("id")) {
            ingestedIds.add(answer.get("id").asText());
        }
    }

    /** One of the three GraphQL queries, in turn at random. */
    private void query(String gatewayUrl) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String name;
        Map<String, Object> request;
        int pick = random.nextInt(3);
        if (pick == 2 && !ingestedIds.isEmpty()) {
            name = "POST /graphql article";
            request = Map.of("query", ARTICLE, "variables", Map.of("id", ingestedIds.get(random.nextInt(ingestedIds.size()))));
        } else if (pick == 1) {
            name = "POST /graphql speakers";
            request = Map.of("query", SPEAKERS, "variables", Map.of("search", WORDS.get(random.nextInt(WORDS.size())).substring(0, 3)));
        } else {
            name = "POST /graphql statements";
            request = Map.of("query", STATEMENTS, "variables", Map.of("text", WORDS.get(random.nextInt(WORDS.size()))));
        }
        try {
            send(name, HttpRequest.newBuilder(URI.create(gatewayUrl + "/graphql"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", DevTokens.launcher())
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))), true);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends, times and classifies one request; returns the JSON answer of a success, else null. */
    private JsonNode send(String endpoint, HttpRequest.Builder request, boolean graphql) {
        long start = System.nanoTime();
        String error = null;
        JsonNode answer = null;
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                error = "HTTP " + response.statusCode() + ": " + abbreviate(response.body());
            } else {
                answer = JSON.readTree(response.body());
                if (graphql && answer.path("errors").isArray() && !answer.path("errors").isEmpty()) {
                    error = "GraphQL errors: " + abbreviate(answer.path("errors").toString());
                }
            }
        } catch (IOException e) {
            error = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        latencies.computeIfAbsent(endpoint, k -> Collections.synchronizedList(new ArrayList<>())).add(System.nanoTime() - start);
        if (error != null) {
            errors.computeIfAbsent(endpoint, k -> new AtomicLong()).incrementAndGet();
            firstErrors.putIfAbsent(endpoint, error);
            return null;
        }
        return answer;
    }

    private void report(double seconds) {
        System.out.printf(Locale.ROOT, "%n| endpoint | requests | req/s | errors | p50 | p99 | max |%n|---|---|---|---|---|---|---|%n");
        latencies.keySet().stream().sorted().forEach(endpoint -> {
            List<Long> sorted = new ArrayList<>(latencies.get(endpoint));
            Collections.sort(sorted);
            System.out.printf(Locale.ROOT, "| %s | %,d | %.1f | %,d | %s | %s | %s |%n", endpoint, sorted.size(),
                    sorted.size() / seconds, errors.getOrDefault(endpoint, new AtomicLong()).get(),
                    millis(sorted, 0.50), millis(sorted, 0.99), millis(sorted, 1.0));
        });
        System.out.printf(Locale.ROOT, "%nduration %.1f s, machine: %d cores, Java %s%n", seconds,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        firstErrors.forEach((endpoint, error) -> System.out.printf("first error of %s: %s%n", endpoint, error));
    }

    private static String millis(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return "-";
        }
        int index = Math.max(0, (int) Math.ceil(p * sorted.size()) - 1);
        return String.format(Locale.ROOT, "%.0f ms", sorted.get(index) / 1e6);
    }

    static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("--duration: expected seconds like 120s or minutes like 3m, got " + text);
        }
        long amount = Long.parseLong(m.group(1));
        Duration parsed = "m".equals(m.group(2)) ? Duration.ofMinutes(amount) : Duration.ofSeconds(amount);
        if (parsed.isZero() || parsed.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("--duration must be between 1 s and 1 h, got " + text);
        }
        return parsed;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
