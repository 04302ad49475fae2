package io.quotegraph.quotations;

import io.quotegraph.quotations.minhash.MinHasher;
import io.quotegraph.quotations.text.QuoteText;

import java.util.ArrayList;
import java.util.List;

/**
 * The blocking of statements: which earlier statements of the same speaker a new one is compared with.
 * <ul>
 * <li>The first {@value #SPEAKER_LIST_CAPACITY} statements of a speaker are kept in one list (the speaker list), and
 * every one of them is a candidate of each new statement of that speaker: while a speaker has no more statements than
 * a bucket holds, every statement would be a candidate through the buckets anyway (and a superset of the band
 * candidates is never worse), for one list write per statement instead of one per band.</li>
 * <li>Statements beyond a full list are filed in LSH buckets: a MinHash signature of the content words cut into
 * {@value #BANDS} bands of {@value #ROWS} row. Two statements become candidates when one band key is equal (callers
 * prefix the keys with the speaker, so only one speaker's statements meet), with probability
 * {@code 1 - (1 - J)^12} for a content-word Jaccard similarity J: J = 0.3: 98.6 %; J = 0.2 (a fragment of a fifth of
 * a quote, or a repeated talking point): 93.1 %; J = 0.1: 71.8 %. One-row bands are deliberately permissive, since
 * fragments have a low Jaccard similarity to the whole; each bucket keeps only its {@value #BUCKET_CAPACITY} most
 * recent statements. 24 bands until 2026-12 (99.5 % at J = 0.2): 12 halve the bucket writes of a busy speaker's
 * statements, and the labelled pairs' F1 is the same (0.990 down to 8 bands); the first 12 band keys are those of
 * the 24, so statements filed before are still found through them.</li>
 * </ul>
 * A lookup therefore reads at most {@code SPEAKER_LIST_CAPACITY + BANDS × BUCKET_CAPACITY} candidates whatever the
 * size of the store, and the buckets only once a speaker has any statement in them.
 */
public final class QuoteBlocking {

    public static final int BANDS = 12;
    public static final int ROWS = 1;
    public static final int BUCKET_CAPACITY = 32;
    public static final int SPEAKER_LIST_CAPACITY = 32;
    /** The most candidates one lookup can find. */
    public static final int MAX_CANDIDATES = SPEAKER_LIST_CAPACITY + BANDS * BUCKET_CAPACITY;

    /** Fixed seed: band keys stored in a database must stay comparable across restarts and versions. */
    private static final MinHasher HASHER = new MinHasher(BANDS * ROWS, 0x0_0BA5_ED_0F_9007EL);

    private QuoteBlocking() {
    }

    /** The band keys of a wording (band b's key at index b); none for an empty wording. */
    public static long[] bandKeys(QuoteText text) {
        // a wording of function words only ("we will, we will") is blocked by its shingles instead
        int[] values = text.contentWords().length > 0 ? text.contentWords() : text.shingles();
        if (values.length == 0) {
            return new long[0];
        }
        List<Long> hashes = new ArrayList<>(values.length);
        for (int value : values) {
            hashes.add((long) value);
        }
        return MinHasher.bandHashes(HASHER.signature(hashes), BANDS, ROWS);
    }
}
