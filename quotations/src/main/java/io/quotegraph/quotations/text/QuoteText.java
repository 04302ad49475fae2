package io.quotegraph.quotations.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A statement's wording reduced to what matching compares: word shingles and content words.
 * <p>
 * Normalisation: an ellipsis ("…", "...", ". . .", "[…]") marks an omission, so the wording is cut into segments there
 * and no shingle spans it; apostrophes and hyphens inside words are dropped ("it’s" = "its", "cease-fire" =
 * "ceasefire"); then {@link Words} ignores case, accents, quote styles, dashes and punctuation. Shingles are
 * {@value #SHINGLE_WORDS} consecutive words of one segment (a wording shorter than that is one shingle); content words
 * are the words that are not {@link StopWords}. Both are kept as sorted distinct 32-bit hashes (compact enough for
 * millions of statements in memory). Immutable.
 */
public final class QuoteText {

    public static final int SHINGLE_WORDS = 3;


    private final int[] shingles;
    private final int[] contentWords;
    private final int wordCount;

    private QuoteText(int[] shingles, int[] contentWords, int wordCount) {
        this.shingles = shingles;
        this.contentWords = contentWords;
        this.wordCount = wordCount;
    }

    public static QuoteText of(String text) {
        List<String[]> segments = new ArrayList<>();
        int wordCount = 0;
        for (String piece : pieces(text == null ? "" : text)) {
            String[] words = Words.of(piece);
            if (words.length > 0) {
                segments.add(words);
                wordCount += words.length;
            }
        }
        Set<Long> shingles = new HashSet<>();
        Set<Long> content = new HashSet<>();
        for (String[] words : segments) {
            Shingles.add(words, SHINGLE_WORDS, shingles);
            for (String word : words) {
                if (!StopWords.contains(word)) {
                    content.add(Hashing.string(word));
                }
            }
        }
        if (shingles.isEmpty() && wordCount > 0) {
            // too short for one shingle per segment: the whole wording is its only shingle
            String[] all = segments.stream().flatMap(Arrays::stream).toArray(String[]::new);
            shingles.add(Hashing.words(all, 0, all.length));
        }
        return new QuoteText(sortedInts(shingles), sortedInts(content), wordCount);
    }

    /**
     * The wording cut at each ellipsis ("…", "...", ". . .", "[…]", "[ ... ]": at most one space between the dots, any
     * before and after them inside brackets), with the apostrophes and hyphens between two letters or digits dropped:
     * one pass over the characters (this was two regular expressions per wording). Pieces may be blank.
     */
    static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int ellipsisEnd = ellipsisEnd(text, i);
            if (ellipsisEnd > i) {
                pieces.add(piece.toString());
                piece.setLength(0);
                i = ellipsisEnd;
                continue;
            }
            char c = text.charAt(i);
            // neighbours read in the whole text: an ellipsis next to a joiner is no letter or digit either. The one
            // before is read as a char, not a code point, as the regular expression's look-behind did (so a letter
            // outside the Basic Multilingual Plane before a joiner does not count)
            if (!(isJoiner(c) && i > 0 && i + 1 < text.length() && isLetterOrDigit(text.charAt(i - 1))
                    && isLetterOrDigit(text.codePointAt(i + 1)))) {
                piece.append(c);
            }
            i++;
        }
        pieces.add(piece.toString());
        return pieces;
    }

    /** The end of an ellipsis starting at {@code start}, or {@code start} if none does. */
    private static int ellipsisEnd(String text, int start) {
        char c = text.charAt(start);
        if (c == '…') {
            return start + 1;
        }
        if (c == '.') {
            return Math.max(dotsEnd(text, start), start);
        }
        if (c == '[') {
            int i = skipSpaces(text, start + 1);
            int inner = i < text.length() && text.charAt(i) == '…' ? i + 1 : dotsEnd(text, i);
            if (inner > i) {
                int close = skipSpaces(text, inner);
                if (close < text.length() && text.charAt(close) == ']') {
                    return close + 1;
                }
            }
        }
        return start;
    }

    /** The end of three dots with at most one space between each two starting at {@code start}, or -1. */
    private static int dotsEnd(String text, int start) {
        int i = start;
        for (int dot = 0; dot < 3; dot++) {
            if (dot > 0 && i < text.length() && isSpace(text.charAt(i))) {
                i++;
            }
            if (i >= text.length() || text.charAt(i) != '.') {
                return -1;
            }
            i++;
        }
        return i;
    }

    private static int skipSpaces(String text, int start) {
        int i = start;
        while (i < text.length() && isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** What {@code \\s} matches in a Java regular expression. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private static boolean isJoiner(char c) {
        return c == '\'' || c == '’' || c == 'ʼ' || c == '-' || c == '‐' || c == '‑';
    }

    private static boolean isLetterOrDigit(int codePoint) {
        return Character.isLetter(codePoint) || Character.getType(codePoint) == Character.DECIMAL_DIGIT_NUMBER;
    }

    /**
     * A wording from what {@link #of} computed for it, as stored ({@link #shingles()}, {@link #contentWords()},
     * {@link #wordCount()}): comparing with a stored statement needs no normalising again.
     */
    public static QuoteText ofHashes(int[] shingles, int[] contentWords, int wordCount) {
        return new QuoteText(shingles, contentWords, wordCount);
    }

    /** Sorted distinct 32-bit shingle hashes. */
    public int[] shingles() {
        return shingles;
    }

    /** Sorted distinct 32-bit hashes of the content words. */
    public int[] contentWords() {
        return contentWords;
    }

    public int wordCount() {
        return wordCount;
    }

    public boolean isEmpty() {
        return wordCount == 0;
    }

    /** The number of values two sorted distinct arrays share. */
    public static int intersection(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        int shared = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                shared++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return shared;
    }

    private static int[] sortedInts(Set<Long> hashes) {
        return hashes.stream().mapToInt(h -> (int) (h ^ (h >>> 32))).distinct().sorted().toArray();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "QuoteText[%d words, %d shingles, %d content words]", wordCount,
                shingles.length, contentWords.length);
    }
}
