package io.quotegraph.ingest.dedup;

import io.quotegraph.ingest.cleaning.TextCleaner;
import io.quotegraph.ingest.support.Articles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The thresholds of README "Near-duplicates": an exact copy and a wire story republished with a new headline, a byline,
 * a changed word and a copyright line are near-duplicates; another story on the same topic is not.
 */
class MinHashTest {

    private final TextCleaner cleaner = new TextCleaner();

    @Test
    void anExactCopyHasSimilarityOneAndTheSameBands() {
        int[] a = MinHash.signature(cleaned("wire-original.txt"));
        int[] b = MinHash.signature(cleaned("wire-original.txt"));
        assertThat(MinHash.similarity(a, b)).isEqualTo(1.0);
        assertThat(MinHash.bandHashes(a)).containsExactly(MinHash.bandHashes(b));
    }

    @Test
    void caseQuotesAndLineBreaksDoNotMatter() {
        String text = cleaned("wire-original.txt");
        String restyled = text.toUpperCase().replace('"', '\u201C').replace("\n", "\n\n");
        assertThat(MinHash.similarity(MinHash.signature(text), MinHash.signature(restyled))).isEqualTo(1.0);
    }

    @Test
    void aWireStoryRepublishedWithSmallEditsIsANearDuplicate() {
        double similarity = MinHash.similarity(MinHash.signature(cleaned("wire-original.txt")),
                MinHash.signature(cleaned("wire-republished.txt")));
        assertThat(similarity).isGreaterThanOrEqualTo(NearDuplicateIndex.NEAR_DUPLICATE_SIMILARITY);
        // and LSH makes it a candidate: at least one band is equal
        long[] a = MinHash.bandHashes(MinHash.signature(cleaned("wire-original.txt")));
        long[] b = MinHash.bandHashes(MinHash.signature(cleaned("wire-republished.txt")));
        int equalBands = 0;
        for (int i = 0; i < a.length; i++) {
            equalBands += a[i] == b[i] ? 1 : 0;
        }
        assertThat(equalBands).isGreaterThan(0);
    }

    @Test
    void anotherStoryOnTheSameTopicIsNot() {
        double similarity = MinHash.similarity(MinHash.signature(cleaned("wire-original.txt")),
                MinHash.signature(cleaned("same-topic-other-story.txt")));
        assertThat(similarity).isLessThan(0.2);
    }

    @Test
    void aTextTooShortToCompareHasNoSignature() {
        assertThat(MinHash.signature("\"We are concerned,\" the spokesman said on Monday.")).isNull();
        assertThat(MinHash.signature("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                + "fifteen sixteen seventeen eighteen nineteen twenty")).isNotNull().hasSize(MinHash.SIGNATURE_SIZE);
    }

    @Test
    void similarityEstimatesTheJaccardIndexOfTheShingles() {
        String a = cleaned("wire-original.txt");
        String b = cleaned("wire-republished.txt");
        var sa = MinHash.shingleHashes(a);
        var sb = MinHash.shingleHashes(b);
        long common = sa.stream().filter(sb::contains).count();
        double jaccard = (double) common / (sa.size() + sb.size() - common);
        double estimate = MinHash.similarity(MinHash.signature(a), MinHash.signature(b));
        // 100 hashes: the standard error is sqrt(J(1-J)/100) <= 0.05; allow three of them
        assertThat(estimate).isCloseTo(jaccard, org.assertj.core.data.Offset.offset(0.15));
        System.out.printf("jaccard %.3f estimate %.3f other story %.3f%n", jaccard, estimate,
                MinHash.similarity(MinHash.signature(a), MinHash.signature(cleaned("same-topic-other-story.txt"))));
    }

    /**
     * The API tests post many articles made from one template ({@link Articles#article}); the template must keep two of
     * them far below the threshold, or the MinHash estimate (standard error 0.05) makes one a "republication" of
     * another now and then, and a test that expects two accepted articles fails at random.
     */
    @Test
    void twoTestArticlesFromTheSharedTemplateAreFarFromNearDuplicates() {
        for (String prefix : new String[] {"", "metrics-batch-", "list-"}) {
            String a = cleaner.clean((String) Articles.article(prefix + "1a2b3c4d").get("text"), null, null).text();
            String b = cleaner.clean((String) Articles.article(prefix + "9e8f7a6b").get("text"), null, null).text();
            var sa = MinHash.shingleHashes(a);
            var sb = MinHash.shingleHashes(b);
            long common = sa.stream().filter(sb::contains).count();
            double jaccard = (double) common / (sa.size() + sb.size() - common);
            assertThat(jaccard).as("Jaccard similarity of two test articles (marker prefix '%s')", prefix)
                    .isLessThan(NearDuplicateIndex.NEAR_DUPLICATE_SIMILARITY - 6 * 0.05);
        }
    }

    private String cleaned(String resource) {
        try (InputStream in = MinHashTest.class.getResourceAsStream("/dedup/" + resource)) {
            return cleaner.clean(new String(in.readAllBytes(), StandardCharsets.UTF_8), null, null).text();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
