package io.quotegraph.extraction;

import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.Extraction;
import io.quotegraph.model.StatementKind;

import java.util.function.Predicate;

/** Picks one statement of an extraction for the rule tests, failing with every statement found when none fits. */
public final class ExtractedStatements {

    private static final StatementExtractor EXTRACTOR = new StatementExtractor();

    private ExtractedStatements() {
    }

    /** The first statement whose content contains the fragment. */
    public static ExtractedStatement containing(String text, String fragment) {
        return first(text, s -> s.content().text().contains(fragment), "no statement contains \"" + fragment + "\"");
    }

    /** The first direct quote. */
    public static ExtractedStatement firstDirectQuote(String text) {
        return first(text, s -> s.kind() == StatementKind.DIRECT, "no direct quote in: " + text);
    }

    private static ExtractedStatement first(String text, Predicate<ExtractedStatement> wanted, String failure) {
        Extraction x = EXTRACTOR.extract(text, null);
        return x.statements().stream().filter(wanted).findFirst()
                .orElseThrow(() -> new AssertionError(failure + ": " + x.statements()));
    }
}
