package io.quotegraph.quotations;

import io.quotegraph.quotations.text.QuoteText;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where a new statement goes among its candidates (earlier statements of the same speaker found by blocking): into
 * the quotation of its best "same" match (highest containment, then the smallest statement id, so that a re-run
 * decides alike), or into a new quotation; and linked as similar to the {@value #MAX_SIMILAR} best "similar"
 * candidates outside that quotation. A statement that matches two quotations joins the better one; quotations are
 * never merged afterwards (their ids stay stable for clients).
 */
public final class Grouping {

    public static final int MAX_SIMILAR = 20;

    /** An earlier statement: its id, the quotation it belongs to, its wording. */
    public record Candidate(String statementId, String quotationId, QuoteText text) {
    }

    public record SimilarLink(String statementId, double score) {
    }

    /** The quotation to join (null: start a new one) with its "same" score, and the similar statements. */
    public record Decision(String quotationId, double sameScore, List<SimilarLink> similar) {
    }

    private Grouping() {
    }

    public static Decision decide(QuoteText text, Iterable<Candidate> candidates) {
        Candidate best = null;
        double bestScore = 0;
        List<Candidate> similar = new ArrayList<>();
        List<Double> similarScores = new ArrayList<>();
        for (Candidate candidate : candidates) {
            QuoteMatcher.Comparison comparison = QuoteMatcher.compare(text, candidate.text());
            switch (comparison.relation()) {
                case SAME -> {
                    if (best == null || comparison.score() > bestScore || (comparison.score() == bestScore
                            && candidate.statementId().compareTo(best.statementId()) < 0)) {
                        best = candidate;
                        bestScore = comparison.score();
                    }
                }
                case SIMILAR -> {
                    similar.add(candidate);
                    similarScores.add(comparison.score());
                }
                case UNRELATED -> {
                }
            }
        }
        String quotationId = best == null ? null : best.quotationId();
        List<SimilarLink> links = new ArrayList<>();
        for (int i = 0; i < similar.size(); i++) {
            if (quotationId == null || !quotationId.equals(similar.get(i).quotationId())) {
                links.add(new SimilarLink(similar.get(i).statementId(), similarScores.get(i)));
            }
        }
        links.sort(Comparator.comparingDouble(SimilarLink::score).reversed().thenComparing(SimilarLink::statementId));
        return new Decision(quotationId, bestScore, List.copyOf(links.subList(0, Math.min(MAX_SIMILAR, links.size()))));
    }
}
