package io.quotegraph.evaluation.resolution;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores of a clustering of items against gold labels: pairwise (over all pairs of items: a pair is positive when
 * both are in one cluster) and B³ (Bagga &amp; Baldwin 1998: per item, the share of its predicted cluster that has its
 * gold label, and the share of its gold cluster that is in its predicted cluster, averaged over items).
 */
public record ClusterScores(int items, double pairwisePrecision, double pairwiseRecall, double b3Precision, double b3Recall) {

    public double pairwiseF1() {
        return f1(pairwisePrecision, pairwiseRecall);
    }

    public double b3F1() {
        return f1(b3Precision, b3Recall);
    }

    /** @param gold the gold label of each item; predicted: the predicted cluster of each item (same order) */
    public static ClusterScores of(List<String> gold, List<String> predicted) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException("gold and predicted differ in size");
        }
        int n = gold.size();
        Map<String, Integer> goldSize = new HashMap<>();
        Map<String, Integer> predictedSize = new HashMap<>();
        Map<String, Integer> both = new HashMap<>();
        for (int i = 0; i < n; i++) {
            goldSize.merge(gold.get(i), 1, Integer::sum);
            predictedSize.merge(predicted.get(i), 1, Integer::sum);
            both.merge(gold.get(i) + "\u0000" + predicted.get(i), 1, Integer::sum);
        }
        long truePairs = both.values().stream().mapToLong(ClusterScores::pairs).sum();
        long predictedPairs = predictedSize.values().stream().mapToLong(ClusterScores::pairs).sum();
        long goldPairs = goldSize.values().stream().mapToLong(ClusterScores::pairs).sum();
        double b3p = 0;
        double b3r = 0;
        for (int i = 0; i < n; i++) {
            int overlap = both.get(gold.get(i) + "\u0000" + predicted.get(i));
            b3p += (double) overlap / predictedSize.get(predicted.get(i));
            b3r += (double) overlap / goldSize.get(gold.get(i));
        }
        return new ClusterScores(n,
                predictedPairs == 0 ? 1 : (double) truePairs / predictedPairs,
                goldPairs == 0 ? 1 : (double) truePairs / goldPairs,
                n == 0 ? 0 : b3p / n, n == 0 ? 0 : b3r / n);
    }

    private static long pairs(int size) {
        return (long) size * (size - 1) / 2;
    }

    private static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
