package io.quotegraph.evaluation.resolution;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ClusterScoresTest {

    @Test
    void perfectClusteringScoresOne() {
        ClusterScores s = ClusterScores.of(List.of("a", "a", "b"), List.of("x", "x", "y"));
        assertThat(s.pairwiseF1()).isEqualTo(1.0);
        assertThat(s.b3F1()).isEqualTo(1.0);
    }

    @Test
    void mergingTwoPeopleCostsPrecisionAndSplittingCostsRecall() {
        // gold {1,2,3} {4}; predicted {1,2} {3,4}
        ClusterScores s = ClusterScores.of(List.of("a", "a", "a", "b"), List.of("x", "x", "y", "y"));
        // pairs: gold 3, predicted 2, common 1 (1-2)
        assertThat(s.pairwisePrecision()).isEqualTo(0.5);
        assertThat(s.pairwiseRecall()).isCloseTo(1 / 3.0, within(1e-9));
        // B3 precision: items 1,2: 2/2; 3: 1/2; 4: 1/2 -> 0.75; recall: 1,2: 2/3; 3: 1/3; 4: 1/1 -> 2/3
        assertThat(s.b3Precision()).isCloseTo(0.75, within(1e-9));
        assertThat(s.b3Recall()).isCloseTo(2 / 3.0, within(1e-9));
    }

    @Test
    void theLabelsAreIdsAndOffsetsOnly() {
        List<ResolutionBenchmark.Item> items = ResolutionBenchmark.readLabels();
        assertThat(items).hasSizeGreaterThan(1000);
        assertThat(items).allSatisfy(i -> {
            assertThat(i.end()).isGreaterThan(i.start());
            assertThat(i.label()).doesNotContain("\\t").hasSizeLessThan(120);
        });
    }
}
