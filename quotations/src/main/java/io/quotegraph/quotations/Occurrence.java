package io.quotegraph.quotations;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;

/** One report of a quotation: the statement, its article and source, when it was published, its wording. */
public record Occurrence(String statementId, String articleId, String source, Instant publishedAt, String text) {

    /**
     * The canonical wording of a quotation: the longest of its occurrences (the most faithful: the others are trims
     * and fragments of the same utterance), the earliest published on a tie, then the smallest statement id.
     */
    public static Occurrence canonical(Collection<Occurrence> occurrences) {
        return occurrences.stream().min(Comparator.comparingInt((Occurrence o) -> -o.text().strip().length())
                .thenComparing(Occurrence::publishedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Occurrence::statementId)).orElseThrow();
    }

    /** When the quotation was first reported (null when no occurrence has a date). */
    public static Instant firstSeen(Collection<Occurrence> occurrences) {
        return occurrences.stream().map(Occurrence::publishedAt).filter(Objects::nonNull).min(Comparator.naturalOrder())
                .orElse(null);
    }

    public static long articleCount(Collection<Occurrence> occurrences) {
        return occurrences.stream().map(Occurrence::articleId).distinct().count();
    }

    public static long sourceCount(Collection<Occurrence> occurrences) {
        return occurrences.stream().map(Occurrence::source).filter(Objects::nonNull).distinct().count();
    }
}
