package io.quotegraph.extraction.time;

import io.quotegraph.extraction.lexicon.Lexicons;
import io.quotegraph.extraction.text.Document;
import io.quotegraph.model.Occasion;
import io.quotegraph.model.Span;

import java.time.LocalDate;
import java.util.Set;

/**
 * Reads the occasion of one statement from the attribution around it ("told a press briefing on Monday",
 * "said Wednesday", "in an interview"): an occasion noun from the lexicon after a trigger word gives the
 * type, a date expression gives the date. The statement's own content is never searched, so dates the
 * speaker mentions do not become the date the speaker spoke.
 */
public final class OccasionFinder {

    /** Type for an occasion known only by its date ("said Wednesday"). */
    public static final String UNSPECIFIED = "UNSPECIFIED";

    private static final Set<String> TRIGGERS = Set.of("told", "tells", "tell", "in", "at", "during", "on", "to", "via", "from", "through");
    private static final Set<String> ARTICLES = Set.of("a", "an", "the", "his", "her", "their", "its");
    private static final int MAX_ADJECTIVES = 2;

    private final Lexicons lexicons;
    private final TemporalExpressions dates = new TemporalExpressions();

    public OccasionFinder(Lexicons lexicons) {
        this.lexicons = lexicons;
    }

    /** An occasion phrase found at tokens [from, to) with its type. */
    public record TypeMatch(int from, int to, String type) {
    }

    /**
     * Searches tokens [from, to) outside the content [contentStart, contentEnd) (character offsets) and outside quotes.
     * @return the occasion, or null when the text gives neither a type nor a date
     */
    public Occasion find(Document doc, int from, int to, int contentStart, int contentEnd, LocalDate published) {
        TypeMatch type = null;
        TemporalMatch date = null;
        for (int k = from; k < to && (type == null || date == null); k++) {
            if (doc.quoteAt(k) != null || doc.token(k).start() >= contentStart && doc.token(k).end() <= contentEnd) {
                continue;
            }
            if (type == null) {
                type = typeAt(doc, k, to);
            }
            if (date == null) {
                // the occasion is when the speaker spoke: past, as reporting is
                TemporalMatch d = dates.match(doc, k, to, published, Tense.PAST);
                if (d != null && d.date() != null) {
                    date = d;
                }
            }
        }
        if (type == null && date == null) {
            return null;
        }
        int start = Math.min(type != null ? type.from() : Integer.MAX_VALUE, date != null ? date.from() : Integer.MAX_VALUE);
        int end = Math.max(type != null ? type.to() : 0, date != null ? date.to() : 0);
        Span evidence = doc.span(start, end - 1);
        if (evidence.start() < contentEnd && evidence.end() > contentStart) {
            // the two pieces lie on both sides of the content; keep the type's evidence alone
            evidence = type != null ? doc.span(type.from(), type.to() - 1) : doc.span(date.from(), date.to() - 1);
        }
        return new Occasion(type != null ? type.type() : UNSPECIFIED, date != null ? date.date() : null, evidence);
    }

    /** "told reporters", "in a statement", "at a news conference": trigger, optional article and adjectives, occasion noun. */
    public TypeMatch typeAt(Document doc, int k, int limit) {
        if (!doc.token(k).isWord() || !TRIGGERS.contains(doc.token(k).lower())) {
            return null;
        }
        int j = k + 1;
        if (j < limit && doc.token(j).isWord() && ARTICLES.contains(doc.token(j).lower())) {
            j++;
        }
        for (int adjectives = 0; adjectives <= MAX_ADJECTIVES && j < limit; adjectives++, j++) {
            for (int len = Math.min(lexicons.longestOccasion(), limit - j); len >= 1; len--) {
                String type = lexicons.occasionType(phrase(doc, j, j + len));
                if (type != null) {
                    return new TypeMatch(k, j + len, type);
                }
            }
            if (!doc.token(j).isWord() || doc.token(j).isCapitalized()) {
                return null;
            }
        }
        return null;
    }

    private static String phrase(Document doc, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (!doc.token(i).isWord()) {
                return "";
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(doc.token(i).lower());
        }
        return sb.toString();
    }
}
