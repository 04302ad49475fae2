package io.quotegraph.quotations.minhash;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MinHasherTest {

    @Test
    void signatureSimilarityEstimatesJaccard() {
        MinHasher hasher = new MinHasher(256, 42);
        Set<Long> a = new HashSet<>();
        Set<Long> b = new HashSet<>();
        LongStream.range(0, 300).forEach(a::add);
        LongStream.range(100, 400).forEach(b::add);   // Jaccard 200 / 400 = 0.5
        assertThat(MinHasher.similarity(hasher.signature(a), hasher.signature(b))).isBetween(0.4, 0.6);
        assertThat(hasher.signature(a)).containsExactly(new MinHasher(256, 42).signature(a));
    }

    @Test
    void equalBandsForEqualSignaturesOnly() {
        MinHasher hasher = new MinHasher(8, 1);
        long[] a = MinHasher.bandHashes(hasher.signature(Set.of(1L, 2L, 3L)), 4, 2);
        long[] b = MinHasher.bandHashes(hasher.signature(Set.of(1L, 2L, 3L)), 4, 2);
        long[] c = MinHasher.bandHashes(hasher.signature(Set.of(7L, 8L, 9L)), 4, 2);
        assertThat(a).containsExactly(b).doesNotContain(c);
        assertThatThrownBy(() -> MinHasher.bandHashes(new int[4], 4, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
