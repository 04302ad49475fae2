package io.quotegraph.e2e;

import io.quotegraph.devstack.fault.DeliveryFaultTest;
import io.quotegraph.devstack.fault.DeliveryFaultTest.Fault;
import io.quotegraph.devstack.fault.DeliveryFaultTest.Outcome;
import io.quotegraph.devstack.ingest.SyntheticCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery without loss, on the whole system: 100 articles are ingested while statements-service is stopped and
 * restarted; afterwards every article is delivered exactly once (the smaller version of {@code ./quotegraph fault-test}).
 */
class DeliveryFaultEndToEndTest {

    private static final int ARTICLES = 100;

    @TempDir
    Path temp;

    @Test
    void everyArticleIsDeliveredExactlyOnceAcrossAStatementsServiceRestart() throws IOException, InterruptedException {
        Path corpus = temp.resolve("corpus.jsonl");
        try (InputStream in = getClass().getResourceAsStream("/fault/corpus.jsonl")) {
            Files.copy(in, corpus);
        }
        Path articles = temp.resolve("articles.ndjson");
        SyntheticCorpus.write(corpus, ARTICLES, 7, articles);

        Outcome outcome = new DeliveryFaultTest(new DeliveryFaultTest.Settings(
                Path.of("..").toAbsolutePath().normalize(), temp.resolve("data"), articles, ARTICLES,
                Fault.STATEMENTS_RESTART, Duration.ofSeconds(2), Duration.ofMinutes(5), 10), System.out).run();

        assertThat(outcome.delivered()).as("%s", outcome).isPositive();
        assertThat(outcome.storedStatements()).as("%s", outcome).isPositive();
        assertThat(outcome.missingUrls()).as("articles lost: %s", outcome).isZero();
        assertThat(outcome.failed() + outcome.stuck()).as("articles failed or stuck: %s", outcome).isZero();
        assertThat(outcome.duplicates()).as("statements stored twice: %s", outcome).isZero();
        assertThat(outcome.wrongCounts()).as("articles whose statements differ from a clean extraction: %s", outcome).isZero();
        assertThat(outcome.storedStatements()).isEqualTo(outcome.cleanStatements());
        assertThat(outcome.exactlyOnce()).isTrue();
    }
}
