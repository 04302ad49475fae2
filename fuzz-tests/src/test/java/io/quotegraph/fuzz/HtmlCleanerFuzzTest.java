package io.quotegraph.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.quotegraph.ingest.cleaning.CleanedArticle;
import io.quotegraph.ingest.cleaning.TextCleaner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cleaning of a submitted article (HTML through jsoup, or text) on arbitrary input: it never throws, never hangs,
 * and its result obeys the documented cleaning rules (no control character but the line break, no blank line at the
 * start or end, the content hash set).
 */
class HtmlCleanerFuzzTest {

    private static final TextCleaner CLEANER = new TextCleaner();

    @FuzzTest(maxDuration = "12m", maxExecutions = 40_000)
    void clean(FuzzedDataProvider data) {
        boolean html = data.consumeBoolean();
        String title = data.consumeBoolean() ? data.consumeString(300) : null;
        String input = data.consumeRemainingAsString();
        CleanedArticle cleaned = Bounded.call("cleaner", () -> html ? CLEANER.clean(null, input, title) : CLEANER.clean(input, null, title));
        assertThat(cleaned.text()).isNotNull()
                .doesNotContainPattern("[\\x00-\\x09\\x0B-\\x1F\\x7F]")
                .doesNotStartWith("\n").doesNotEndWith("\n");
        assertThat(cleaned.contentHash()).hasSize(64);
    }
}
