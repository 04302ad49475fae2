package io.quotegraph.quotations.minhash;

import io.quotegraph.quotations.text.Hashing;

import java.util.Arrays;
import java.util.Collection;
import java.util.SplittableRandom;

/**
 * MinHash signatures of sets of 64-bit hashes (shingles, words) and their locality-sensitive band keys.
 * <p>
 * A signature holds one minimum per seeded hash function; the share of equal positions in two signatures estimates
 * the Jaccard similarity of the two sets. Cut into {@code b} bands of {@code r} rows, two sets become candidates when
 * one band is equal, with probability {@code 1 - (1 - J^r)^b}. The seeds derive from a fixed seed, so signatures
 * stored in a database stay comparable across restarts and versions. Immutable and thread-safe.
 */
public final class MinHasher {

    private final long[] seeds;

    public MinHasher(int signatureSize, long seed) {
        if (signatureSize < 1) {
            throw new IllegalArgumentException("signature size must be positive: " + signatureSize);
        }
        this.seeds = new SplittableRandom(seed).longs(signatureSize).toArray();
    }

    public int signatureSize() {
        return seeds.length;
    }

    /** The signature of a non-empty set of hashes. */
    public int[] signature(Collection<Long> hashes) {
        int[] signature = new int[seeds.length];
        Arrays.fill(signature, Integer.MAX_VALUE);
        for (long value : hashes) {
            for (int i = 0; i < seeds.length; i++) {
                int h = (int) (Hashing.mix(value ^ seeds[i]) >>> 33);
                if (h < signature[i]) {
                    signature[i] = h;
                }
            }
        }
        return signature;
    }

    /** Estimated Jaccard similarity of the two signed sets (0..1). */
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

    /** One 64-bit key per band of {@code rows} consecutive signature positions; band {@code b} covers rows b*r .. b*r+r-1. */
    public static long[] bandHashes(int[] signature, int bands, int rows) {
        if (bands * rows > signature.length) {
            throw new IllegalArgumentException(bands + " bands of " + rows + " rows exceed a signature of " + signature.length);
        }
        long[] keys = new long[bands];
        for (int b = 0; b < bands; b++) {
            long h = 0x9E3779B97F4A7C15L * (b + 1);
            for (int r = 0; r < rows; r++) {
                h = Hashing.mix(h ^ signature[b * rows + r]);
            }
            keys[b] = h;
        }
        return keys;
    }
}
