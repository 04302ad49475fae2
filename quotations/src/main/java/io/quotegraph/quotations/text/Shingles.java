package io.quotegraph.quotations.text;

import java.util.Set;

/** Word shingles: the hashes of every run of k consecutive words. */
public final class Shingles {

    private Shingles() {
    }

    /** Adds the hash of each run of {@code size} consecutive words to {@code into}; nothing when there are fewer words. */
    public static void add(String[] words, int size, Set<Long> into) {
        for (int i = 0; i + size <= words.length; i++) {
            into.add(Hashing.words(words, i, i + size));
        }
    }
}
