package io.quotegraph.quotations.text;

/** The 64-bit hashes behind shingles, signatures and band keys. Fixed: stored hashes must stay comparable. */
public final class Hashing {

    private static final long FNV_OFFSET = 0xCBF29CE484222325L;
    private static final long FNV_PRIME = 0x100000001B3L;

    private Hashing() {
    }

    /** SplitMix64's finaliser: a well-mixed 64-bit permutation. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The hash of a sequence of words (FNV-1a over their characters, a space after each, then mixed). */
    public static long words(String[] words, int from, int to) {
        long h = FNV_OFFSET;
        for (int w = from; w < to; w++) {
            String word = words[w];
            for (int i = 0; i < word.length(); i++) {
                h = (h ^ word.charAt(i)) * FNV_PRIME;
            }
            h = (h ^ ' ') * FNV_PRIME;
        }
        return mix(h);
    }

    /** The hash of a string (the hash of it as one word). */
    public static long string(String value) {
        return words(new String[]{value}, 0, 1);
    }
}
