package io.quotegraph.ingest.dedup;

import io.quotegraph.quotations.minhash.MinHasher;
import io.quotegraph.quotations.text.Shingles;
import io.quotegraph.quotations.text.Words;

import java.util.HashSet;
import java.util.Set;

/**
 * MinHash signatures over word shingles of a cleaned text, and the LSH band hashes that find candidate near-duplicates
 * (the shared {@link MinHasher} with the article settings).
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

    /** Fixed seed: signatures stored in the database must stay comparable across restarts and versions. */
    private static final MinHasher HASHER = new MinHasher(SIGNATURE_SIZE, 0x5EED_0F_D0C5L);

    private MinHash() {
    }

    /** The signature of a text, or null when it has fewer than {@link #MIN_SHINGLES} distinct shingles. */
    public static int[] signature(String text) {
        Set<Long> shingles = shingleHashes(text);
        return shingles.size() < MIN_SHINGLES ? null : HASHER.signature(shingles);
    }

    /** Estimated Jaccard similarity of the shingle sets of the two signed texts (0..1). */
    public static double similarity(int[] a, int[] b) {
        return MinHasher.similarity(a, b);
    }

    /** One 64-bit hash per band of the signature; band {@code b} covers rows {@code b*4 .. b*4+3}. */
    public static long[] bandHashes(int[] signature) {
        return MinHasher.bandHashes(signature, BANDS, ROWS_PER_BAND);
    }

    static Set<Long> shingleHashes(String text) {
        Set<Long> shingles = new HashSet<>();
        Shingles.add(words(text), SHINGLE_WORDS, shingles);
        return shingles;
    }

    static String[] words(String text) {
        return Words.of(text);
    }
}
