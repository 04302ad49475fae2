package io.quotegraph.ingest.dedup;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * MinHash signatures over word shingles of a cleaned text, and the LSH band hashes that find candidate near-duplicates.
 * <p>
 * Words are runs of letters and digits, lower-cased and accent-folded (so punctuation, quotes, case and line breaks do
 * not matter); a shingle is {@value #SHINGLE_WORDS} consecutive words. The signature has {@value #SIGNATURE_SIZE}
 * minimum hashes; the share of equal positions in two signatures estimates the Jaccard similarity of their shingle
 * sets. The signature is cut into {@value #BANDS} bands of {@value #ROWS_PER_BAND} rows: two texts become candidates
 * when one band is equal, which happens with probability {@code 1 - (1 - J^4)^25} (J = 0.7: 99.9 %, J = 0.5: 80 %,
 * J = 0.3: 18 %, J = 0.1: 0.25 %); candidates are then confirmed by the signature similarity.
 * Thread-safe and stateless.
 */
public final class MinHash {

    public static final int SHINGLE_WORDS = 5;
    public static final int BANDS = 25;
    public static final int ROWS_PER_BAND = 4;
    public static final int SIGNATURE_SIZE = BANDS * ROWS_PER_BAND;
    /** Texts with fewer distinct shingles (about 20 words) are too short for a meaningful similarity: exact match only. */
    public static final int MIN_SHINGLES = 16;

    /** Fixed seeds: signatures stored in the database must stay comparable across restarts and versions. */
    private static final long[] SEEDS = new SplittableRandom(0x5EED_0F_D0C5L).longs(SIGNATURE_SIZE).toArray();

    private MinHash() {
    }

    /** The signature of a text, or null when it has fewer than {@link #MIN_SHINGLES} distinct shingles. */
    public static int[] signature(String text) {
        Set<Long> shingles = shingleHashes(text);
        if (shingles.size() < MIN_SHINGLES) {
            return null;
        }
        int[] signature = new int[SIGNATURE_SIZE];
        Arrays.fill(signature, Integer.MAX_VALUE);
        for (long shingle : shingles) {
            for (int i = 0; i < SIGNATURE_SIZE; i++) {
                int h = (int) (mix(shingle ^ SEEDS[i]) >>> 33);
                if (h < signature[i]) {
                    signature[i] = h;
                }
            }
        }
        return signature;
    }

    /** Estimated Jaccard similarity of the shingle sets of the two signed texts (0..1). */
    public static double similarity(int[] a, int[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("signatures of different sizes: " + a.length + " and " + b.length);
        }
        int equal = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                equal++;
            }
        }
        return (double) equal / a.length;
    }

    /** One 64-bit hash per band of the signature; band {@code b} covers rows {@code b*4 .. b*4+3}. */
    public static long[] bandHashes(int[] signature) {
        long[] bands = new long[BANDS];
        for (int b = 0; b < BANDS; b++) {
            long h = 0x9E3779B97F4A7C15L * (b + 1);
            for (int r = 0; r < ROWS_PER_BAND; r++) {
                h = mix(h ^ signature[b * ROWS_PER_BAND + r]);
            }
            bands[b] = h;
        }
        return bands;
    }

    static Set<Long> shingleHashes(String text) {
        String[] words = words(text);
        Set<Long> shingles = new HashSet<>();
        for (int i = 0; i + SHINGLE_WORDS <= words.length; i++) {
            long h = 0xCBF29CE484222325L;
            for (int w = i; w < i + SHINGLE_WORDS; w++) {
                h = fnv(h, words[w]);
                h = (h ^ ' ') * 0x100000001B3L;
            }
            shingles.add(mix(h));
        }
        return shingles;
    }

    static String[] words(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        return Arrays.stream(folded.split("[^\\p{L}\\p{Nd}]+")).filter(w -> !w.isEmpty()).toArray(String[]::new);
    }

    private static long fnv(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001B3L;
        }
        return h;
    }

    /** SplitMix64's finaliser: a well-mixed 64-bit permutation. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
