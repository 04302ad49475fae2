package io.quotegraph.extraction.time;

import io.quotegraph.extraction.text.Document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Tags the temporal expressions of a text and normalises each against the anchor date and the tense of its clause.
 * Stateless and thread-safe.
 */
public final class TemporalTagger {

    private final TemporalExpressions expressions = new TemporalExpressions();
    private final TenseDetector tenses = new TenseDetector();

    /** Every temporal expression in tokens [from, to), left to right, none overlapping. */
    public List<TemporalMatch> tag(Document doc, int from, int to, LocalDate anchor) {
        List<TemporalMatch> found = new ArrayList<>();
        for (int k = from; k < to; ) {
            TemporalMatch m = at(doc, k, to, anchor);
            if (m == null) {
                k++;
            } else {
                found.add(m);
                k = m.to();
            }
        }
        return found;
    }

    /** The temporal expression starting at token {@code i} (ending before {@code limit}), or null. */
    public TemporalMatch at(Document doc, int i, int limit, LocalDate anchor) {
        TemporalMatch recognised = expressions.match(doc, i, limit, null, Tense.PRESENT);
        if (recognised == null || anchor == null) {
            return recognised;
        }
        return expressions.match(doc, i, limit, anchor, tenses.tenseAt(doc, i, recognised.to()));
    }
}
