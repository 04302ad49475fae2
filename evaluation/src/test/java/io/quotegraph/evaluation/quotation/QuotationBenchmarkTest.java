package io.quotegraph.evaluation.quotation;

import io.quotegraph.quotations.QuotationIndex;
import io.quotegraph.quotations.Relation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class QuotationBenchmarkTest {

    @TempDir
    Path dir;

    @Test
    void restyleIsAnotherOutletsStyleOfTheSameWording() {
        String original = "“we’re not going — anywhere,”";
        assertThat(QuotationBenchmark.restyle(original)).isEqualTo("\"We're not going - anywhere");
        QuotationIndex index = new QuotationIndex();
        int a = index.add("s", "“we’re not going anywhere, not now and not ever,”").statement();
        int b = index.add("s", QuotationBenchmark.restyle("“we’re not going anywhere, not now and not ever,”")).statement();
        assertThat(index.relation(a, b)).isEqualTo(Relation.SAME);
    }

    /** The list of a speaker's first statements would make every pair a candidate and hide the bands' misses. */
    @Test
    void pairsAreComparedOnlyWhenTheBandsMeet() {
        QuotationIndex index = QuotationBenchmark.pairIndex();
        index.add("s", "The harvest was late this year because of the long and unusually cold spring rains");
        QuotationIndex.Added unrelated = index.add("s", "Our negotiators will return to Geneva next week for another round of talks");
        assertThat(unrelated.candidates()).isZero();
        QuotationIndex.Added repeated = index.add("s", "The harvest was late this year because of the long and unusually cold spring rains");
        assertThat(repeated.candidates()).isEqualTo(1);
    }

    @Test
    void corpusOffsetsAreCodePoints() throws IOException {
        Path corpus = dir.resolve("corpus.jsonl");
        Files.writeString(corpus, "{\"id\":\"a\",\"text\":\"\uD83D\uDE00 said: we act now\",\"statements\":["
                + "{\"content\":\"we act now\",\"speaker\":null}]}\n");
        DevCorpus dev = DevCorpus.read(corpus);
        assertThat(dev.slice("a", 8, 18)).isEqualTo("we act now");
        assertThat(dev.statements).singleElement().satisfies(s -> assertThat(s.speaker()).isNull());
    }

    @Test
    void syntheticVariantsOfAQuoteAreMostlyTheSameQuotation() {
        String quote = "We will not accept any attempt to redraw borders by force and we will keep supporting our partners";
        SplittableRandom random = new SplittableRandom(7);
        QuotationIndex index = new QuotationIndex();
        int original = index.add("s", quote).statement();
        int same = 0;
        for (int i = 0; i < 50; i++) {
            String variant = QuotationIndexBenchmark.variant(quote, "the economy grew faster than expected this year", random);
            if (index.relation(original, index.add("s", variant).statement()) == Relation.SAME) {
                same++;
            }
        }
        // 70 % of the variants are reports of the quote (same, restyled, fragment, trim), 30 % new utterances
        assertThat(same).isBetween(25, 45);
        assertThat(List.of(QuotationIndexBenchmark.variant("two words", "x", random))).containsExactly("two words");
    }
}
