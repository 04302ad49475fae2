package io.quotegraph.extraction;

import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.Extraction;
import io.quotegraph.model.StatementKind;

import java.util.Optional;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Picks one statement of an extraction for the rule tests, failing with every statement found when none fits. */
public final class ExtractedStatements {

    private static final StatementExtractor EXTRACTOR = new StatementExtractor();

    private ExtractedStatements() {
    }

    /** The first statement whose content contains the fragment. */
    public static ExtractedStatement containing(String text, String fragment) {
        return first(text, s -> s.content().text().contains(fragment), "no statement contains \"" + fragment + "\"");
    }

    /** The first statement whose cue is exactly this text, if any. */
    public static Optional<ExtractedStatement> withCue(String text, String cue) {
        Extraction x = EXTRACTOR.extract(text, null);
        return x.statements().stream().filter(s -> s.cue() != null && s.cue().text().equals(cue)).findFirst();
    }

    /** The one statement of the text (fails when there are none or several). */
    public static ExtractedStatement only(String text) {
        Extraction x = EXTRACTOR.extract(text, null);
        assertThat(x.statements()).as("statements of: " + text).hasSize(1);
        return x.statements().get(0);
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
