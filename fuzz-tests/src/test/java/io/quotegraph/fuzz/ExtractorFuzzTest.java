package io.quotegraph.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.quotegraph.extraction.StatementExtractor;
import io.quotegraph.model.Extraction;
import io.quotegraph.model.Span;
import io.quotegraph.model.ExtractedStatement;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statement extractor on arbitrary text and publication time: it never throws, never hangs (see
 * {@link Bounded}) and every span it returns lies within the text and quotes it exactly.
 */
class ExtractorFuzzTest {

    private static final StatementExtractor EXTRACTOR = new StatementExtractor();
    /** Earliest and latest publication times tried: year 1 to 9999. */
    private static final long MIN_EPOCH_SECOND = -62_135_596_800L;
    private static final long MAX_EPOCH_SECOND = 253_402_300_799L;

    @FuzzTest(maxDuration = "12m", maxExecutions = 40_000)
    void extract(FuzzedDataProvider data) {
        Instant publishedAt = Instant.ofEpochSecond(data.consumeLong(MIN_EPOCH_SECOND, MAX_EPOCH_SECOND));
        String text = data.consumeRemainingAsString();
        Extraction extraction = Bounded.call("extractor", () -> EXTRACTOR.extract(text, publishedAt));
        assertThat(extraction).isNotNull();
        for (ExtractedStatement statement : extraction.statements()) {
            assertWithin(text, statement.content());
            assertWithin(text, statement.cue());
            assertWithin(text, statement.speakerMention());
        }
    }

    private static void assertWithin(String text, Span span) {
        if (span != null) {
            assertThat(span.start()).isBetween(0, span.end());
            assertThat(span.end()).isLessThanOrEqualTo(text.length());
            assertThat(text.substring(span.start(), span.end())).isEqualTo(span.text());
        }
    }
}
