package io.quotegraph.extraction;

import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.Extraction;
import io.quotegraph.model.StatementKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A quote interrupted by its attribution continues after it, even when the attribution reports something itself. */
class QuoteContinuationTest {

    private static final StatementExtractor EXTRACTOR = new StatementExtractor();

    @Test
    void aReportInsideTheAttributionDoesNotEndTheQuote() {
        String text = "\"He tried to scare me,\" said Ann Hale, who wrote about the visit in her memoir. "
                + "\"Luckily none of it was true, and I kept going.\"";
        Extraction x = EXTRACTOR.extract(text, null);
        ExtractedStatement quote = x.statements().stream().filter(s -> s.kind() == StatementKind.DIRECT).findFirst()
                .orElseThrow(() -> new AssertionError(Dump.of(x)));
        assertThat(quote.content().text()).startsWith("\"He tried").endsWith("I kept going.\"");
    }
}
