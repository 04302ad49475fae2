package io.quotegraph.extraction.attribution;

import io.quotegraph.extraction.StatementExtractor;
import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.Extraction;
import io.quotegraph.model.StatementKind;

/** The first direct quote the engine extracts from a text, for tests about how quotes are attributed. */
final class FirstDirectQuote {

    private static final StatementExtractor EXTRACTOR = new StatementExtractor();

    private FirstDirectQuote() {
    }

    static ExtractedStatement in(String text) {
        Extraction x = EXTRACTOR.extract(text, null);
        return x.statements().stream().filter(s -> s.kind() == StatementKind.DIRECT).findFirst()
                .orElseThrow(() -> new AssertionError("no direct quote in: " + text + " -> " + x.statements()));
    }
}
