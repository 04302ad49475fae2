package io.quotegraph.devstack.fault;

import com.fasterxml.jackson.databind.JsonNode;
import io.quotegraph.devstack.ingest.BulkIngester;
import io.quotegraph.devstack.JsonHttp;
import io.quotegraph.devstack.QuotegraphStack;
import io.quotegraph.devstack.ServiceProcess;
import io.quotegraph.devstack.StackSettings;
import io.quotegraph.extraction.StatementExtractor;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Delivery without loss under a fault: a fresh system (isolated ports and data) ingests a corpus through the bulk
 * importer while one service is stopped or killed mid-run and restarted; then, once every article has settled, checks
 * that each was delivered exactly once. The reference ("clean") figures are the extractor's own result on each stored
 * article's text, computed here: the extraction is deterministic, so a clean run delivers exactly that many
 * statements per article.
 */
public final class DeliveryFaultTest {

    /** The injected fault. */
    public enum Fault {
        STATEMENTS_RESTART("statements-service stopped (SIGTERM) and restarted"),
        INGEST_KILL("ingest-service killed (SIGKILL) and restarted");

        private final String description;

        Fault(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** @param outage how long the service stays down; @param settleTimeout how long to wait for delivery to settle */
    public record Settings(Path projectRoot, Path dataDirectory, Path corpusFile, int articles, Fault fault,
                           Duration outage, Duration settleTimeout, int chunkSize) {
    }

    /**
     * The figures of one run. {@code stuck} = articles not in a final state at the end; {@code wrongCounts} = delivered
     * articles whose stored statement count differs from the clean extraction; {@code orphans} = statements of
     * articles that are not DELIVERED; {@code duplicates} = statements stored twice (same article and content span).
     */
    public record Outcome(Fault fault, int corpusArticles, int missingUrls, Map<String, Integer> statuses,
                          long cleanStatements, long storedStatements, int wrongCounts, int orphans, int duplicates,
                          int stuck, int importRestarts, Duration downtime, Duration elapsed) {

        public int delivered() {
            return statuses.getOrDefault("DELIVERED", 0);
        }

        public int failed() {
            return statuses.getOrDefault("FAILED", 0);
        }

        /** Every article delivered exactly once: nothing lost, failed, stuck or doubled. */
        public boolean exactlyOnce() {
            return missingUrls == 0 && failed() == 0 && stuck == 0 && wrongCounts == 0 && orphans == 0 && duplicates == 0
                    && cleanStatements == storedStatements;
        }
    }

    private static final Set<String> FINAL = Set.of("DELIVERED", "DUPLICATE", "SKIPPED");
    private static final int PAGE = 100;
    private static final int STATEMENT_PAGE = 1000;

    private final Settings settings;
    private final PrintStream log;
    private final JsonHttp http = new JsonHttp();

    public DeliveryFaultTest(Settings settings, PrintStream log) {
        this.settings = settings;
        this.log = log;
    }

    public Outcome run() throws IOException, InterruptedException {
        long start = System.nanoTime();
        try (QuotegraphStack stack = QuotegraphStack.start(StackSettings.isolated(settings.projectRoot(), settings.dataDirectory()))) {
            log.printf("[%s] system up (ingest %s, statements %s)%n", settings.fault(), stack.ingestUrl(), stack.statementsUrl());
            AtomicLong answered = new AtomicLong();
            CountDownLatch recovered = new CountDownLatch(1);
            AtomicReference<Duration> downtime = new AtomicReference<>(Duration.ZERO);
            AtomicReference<Throwable> faultFailure = new AtomicReference<>();
            Thread injector = new Thread(() -> {
                try {
                    injectFault(stack, answered, downtime);
                } catch (Throwable e) {
                    faultFailure.set(e);
                } finally {
                    recovered.countDown();
                }
            }, "fault-injector");
            injector.setDaemon(true);
            injector.start();

            int restarts = importAll(stack, answered, recovered);
            if (!recovered.await(10, TimeUnit.MINUTES) || faultFailure.get() != null) {
                throw new IllegalStateException("the fault could not be injected or recovered from", faultFailure.get());
            }
            List<JsonNode> articles = awaitSettled(stack.ingestUrl());
            return verify(stack, articles, restarts, downtime.get(), System.nanoTime() - start);
        }
    }

    /** Waits until a third of the corpus has been answered, takes the service down for the outage, restarts it. */
    private void injectFault(QuotegraphStack stack, AtomicLong answered, AtomicReference<Duration> downtime) throws InterruptedException {
        while (answered.get() < settings.articles() / 3) {
            Thread.sleep(50);
        }
        ServiceProcess service = settings.fault() == Fault.STATEMENTS_RESTART ? stack.statementsService() : stack.ingestService();
        long down = System.nanoTime();
        if (settings.fault() == Fault.STATEMENTS_RESTART) {
            service.close();
        } else {
            service.kill();
        }
        log.printf("[%s] %s after %,d articles answered%n", settings.fault(), settings.fault().description(), answered.get());
        Thread.sleep(settings.outage().toMillis());
        Duration startup = stack.restart(service);
        downtime.set(Duration.ofNanos(System.nanoTime() - down));
        log.printf("[%s] %s is back after %.1f s down (restart %.1f s)%n", settings.fault(), service.name(),
                downtime.get().toMillis() / 1e3, startup.toMillis() / 1e3);
    }

    /** Imports the corpus; an import cut off by the fault resumes from its state file once the service is back. */
    private int importAll(QuotegraphStack stack, AtomicLong answered, CountDownLatch recovered) throws IOException, InterruptedException {
        Path state = settings.dataDirectory().resolve("import-state.json");
        BulkIngester.Settings importSettings = new BulkIngester.Settings(stack.ingestUrl(), settings.chunkSize(), 2,
                state, null, null);
        int restarts = 0;
        while (true) {
            try {
                new BulkIngester(importSettings, new PrintStream(PrintStream.nullOutputStream()), false)
                        .onChunk(result -> answered.addAndGet(result.records().size()))
                        .run(List.of(settings.corpusFile()));
                return restarts;
            } catch (BulkIngester.IngestFailure e) {
                if (restarts++ > 3) {
                    throw e;
                }
                log.printf("[%s] import interrupted (%s); resuming when the service is back%n", settings.fault(), e.getMessage());
                recovered.await(10, TimeUnit.MINUTES);
            }
        }
    }

    /** Polls every article until none is waiting for extraction or delivery, or the settle timeout is over. */
    private List<JsonNode> awaitSettled(String ingestUrl) throws InterruptedException {
        long deadline = System.nanoTime() + settings.settleTimeout().toNanos();
        while (true) {
            List<JsonNode> articles = allArticles(ingestUrl);
            long open = articles.stream().filter(a -> !FINAL.contains(a.path("status").asText())).count();
            if (open == 0 || System.nanoTime() > deadline) {
                return articles;
            }
            Thread.sleep(2000);
        }
    }

    private List<JsonNode> allArticles(String ingestUrl) {
        List<JsonNode> articles = new java.util.ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            JsonNode page = ok(http.get(ingestUrl + "/articles?limit=" + PAGE + "&offset=" + offset));
            page.path("items").forEach(articles::add);
            if (page.path("items").size() < PAGE) {
                return articles;
            }
        }
    }

    private Outcome verify(QuotegraphStack stack, List<JsonNode> articles, int restarts, Duration downtime, long elapsedNanos)
            throws IOException {
        Map<String, Integer> statuses = new TreeMap<>();
        Set<String> knownUrls = new HashSet<>();
        Map<String, JsonNode> delivered = new HashMap<>();
        for (JsonNode article : articles) {
            String status = article.path("status").asText();
            statuses.merge(status, 1, Integer::sum);
            knownUrls.add(article.path("url").asText());
            article.path("alsoPublishedBy").forEach(copy -> knownUrls.add(copy.path("url").asText()));
            if (status.equals("DELIVERED")) {
                delivered.put(article.path("id").asText(), article);
            }
        }
        int missingUrls = 0;
        for (String line : Files.readAllLines(settings.corpusFile())) {
            if (!line.isBlank() && !knownUrls.contains(JsonHttp.mapper().readTree(line).path("url").asText())) {
                missingUrls++;
            }
        }
        int stuck = (int) articles.stream().filter(a -> !FINAL.contains(a.path("status").asText())
                && !a.path("status").asText().equals("FAILED")).count();

        // what statements-service holds, per article, and statements stored twice
        Map<String, Integer> stored = new HashMap<>();
        Set<String> spans = new HashSet<>();
        int duplicates = 0;
        long storedStatements = 0;
        for (int offset = 0; ; offset += STATEMENT_PAGE) {
            JsonNode page = ok(http.get(stack.statementsUrl() + "/statements?limit=" + STATEMENT_PAGE + "&offset=" + offset));
            for (JsonNode statement : page.path("items")) {
                storedStatements++;
                String articleId = statement.path("articleId").asText();
                stored.merge(articleId, 1, Integer::sum);
                JsonNode content = statement.path("content");
                if (!spans.add(articleId + ":" + content.path("start").asInt() + "-" + content.path("end").asInt())) {
                    duplicates++;
                }
            }
            if (page.path("items").size() < STATEMENT_PAGE) {
                break;
            }
        }
        int orphans = stored.entrySet().stream().filter(e -> !delivered.containsKey(e.getKey()))
                .mapToInt(Map.Entry::getValue).sum();

        // the clean reference: the extractor on each delivered article's stored text
        StatementExtractor extractor = new StatementExtractor();
        long cleanStatements = 0;
        int wrongCounts = 0;
        for (JsonNode article : delivered.values()) {
            int expected = extractor.extract(article.path("text").asText(),
                    Instant.parse(article.path("publishedAt").asText())).statements().size();
            cleanStatements += expected;
            if (stored.getOrDefault(article.path("id").asText(), 0) != expected) {
                wrongCounts++;
            }
        }
        return new Outcome(settings.fault(), settings.articles(), missingUrls, statuses, cleanStatements, storedStatements,
                wrongCounts, orphans, duplicates, stuck, restarts, downtime, Duration.ofNanos(elapsedNanos));
    }

    private static JsonNode ok(JsonHttp.Reply reply) {
        if (reply.status() != 200) {
            throw new UncheckedIOException(new IOException("HTTP " + reply.status() + ": " + reply.body()));
        }
        return reply.body();
    }
}
