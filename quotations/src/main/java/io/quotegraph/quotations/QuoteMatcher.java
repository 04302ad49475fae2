package io.quotegraph.quotations;

import io.quotegraph.quotations.text.QuoteText;

/**
 * The decision rules between two statements of the same speaker (callers only compare statements of one speaker:
 * paraphrases by different speakers are never grouped).
 * <ul>
 * <li><b>same</b>: at least {@value #SAME_CONTAINMENT} of the shorter wording's 3-word shingles occur in the other
 * (trims, ellipses and fragments keep their shingles; punctuation, quote styles and case are normalised away), and
 * the shorter has at least {@value #MIN_FRAGMENT_SHINGLES} shingles (about 5 words) unless both are equal: a two-word
 * phrase in a long quote is too weak to call it the same utterance. Score: that containment.</li>
 * <li><b>similar</b>: otherwise, when they share at least {@value #MIN_SHARED_CONTENT_WORDS} content words and the
 * Dice coefficient of their content words is at least {@value #SIMILAR_DICE}. Score: that coefficient.</li>
 * </ul>
 * Stateless.
 */
public final class QuoteMatcher {

    public static final double SAME_CONTAINMENT = 0.8;
    public static final int MIN_FRAGMENT_SHINGLES = 3;
    public static final double SIMILAR_DICE = 0.3;
    public static final int MIN_SHARED_CONTENT_WORDS = 4;

    /** The relation of two statements and its score (0..1; 0 when unrelated). */
    public record Comparison(Relation relation, double score) {
        static final Comparison UNRELATED = new Comparison(Relation.UNRELATED, 0);
    }

    private QuoteMatcher() {
    }

    public static Comparison compare(QuoteText a, QuoteText b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Comparison.UNRELATED;
        }
        int[] as = a.shingles();
        int[] bs = b.shingles();
        int sharedShingles = QuoteText.intersection(as, bs);
        int shorter = Math.min(as.length, bs.length);
        boolean equal = sharedShingles == as.length && sharedShingles == bs.length;
        double containment = (double) sharedShingles / shorter;
        if (equal || (shorter >= MIN_FRAGMENT_SHINGLES && containment >= SAME_CONTAINMENT)) {
            return new Comparison(Relation.SAME, containment);
        }
        int[] ac = a.contentWords();
        int[] bc = b.contentWords();
        int sharedWords = QuoteText.intersection(ac, bc);
        double dice = 2.0 * sharedWords / (ac.length + bc.length);
        if (sharedWords >= MIN_SHARED_CONTENT_WORDS && dice >= SIMILAR_DICE) {
            return new Comparison(Relation.SIMILAR, dice);
        }
        return Comparison.UNRELATED;
    }
}
