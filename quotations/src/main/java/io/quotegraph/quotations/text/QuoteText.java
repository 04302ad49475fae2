package io.quotegraph.quotations.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

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

    private static final Pattern ELLIPSIS = Pattern.compile("\\[\\s*(?:…|\\.\\s?\\.\\s?\\.)\\s*]|…|\\.\\s?\\.\\s?\\.");
    private static final Pattern INNER_JOINER = Pattern.compile("(?<=[\\p{L}\\p{Nd}])['’ʼ\\-‐‑](?=[\\p{L}\\p{Nd}])");

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
        for (String piece : ELLIPSIS.split(text == null ? "" : text)) {
            String[] words = Words.of(INNER_JOINER.matcher(piece).replaceAll(""));
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
