package io.quotegraph.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;

/**
 * Scores predicted statements against gold attributions.
 * <ul>
 *   <li>Overlap match: the shared characters are at least half of the longer of the two contents; a gold content
 *       split by an interruption counts only its pieces. Exact match: the same start and end as the gold content.
 *       Both matchings are one-to-one, best overlap first.</li>
 *   <li>Views: "all" scores recall over every gold attribution; "speech" over those whose cue is a verb of saying
 *       or a colon. Precision is always over all gold (a predicted belief is not wrong, only unasked for).</li>
 *   <li>Per kind: recall by the gold kind, precision by the predicted kind.</li>
 *   <li>Speaker accuracy over overlap-matched pairs with a gold source: the predicted mention overlaps the gold
 *       source, or the resolved name equals it. Cue accuracy: the predicted cue overlaps the gold cue.</li>
 * </ul>
 */
public final class Scorer {

    public static final double OVERLAP_THRESHOLD = 0.5;
    public static final List<String> VIEWS = List.of("all", "speech");
    public static final List<String> KINDS = List.of("all", "direct", "indirect", "mixed");

    /** @return tallies keyed by view, then kind */
    public Map<String, Map<String, Tally>> score(Map<String, List<GoldAttribution>> gold,
                                                 Map<String, List<PredictedStatement>> predicted) {
        Map<String, Map<String, Tally>> tallies = new LinkedHashMap<>();
        for (String view : VIEWS) {
            Map<String, Tally> byKind = new LinkedHashMap<>();
            KINDS.forEach(kind -> byKind.put(kind, new Tally()));
            tallies.put(view, byKind);
        }
        gold.forEach((articleId, golds) -> scoreArticle(golds, predicted.getOrDefault(articleId, List.of()), tallies));
        return tallies;
    }

    private void scoreArticle(List<GoldAttribution> golds, List<PredictedStatement> preds,
                              Map<String, Map<String, Tally>> tallies) {
        int[] overlapMatch = oneToOne(golds, preds, Scorer::overlapRatio, OVERLAP_THRESHOLD);
        int[] exactMatch = oneToOne(golds, preds,
                (g, p) -> g.content().start() == p.content().start() && g.content().end() == p.content().end() ? 1 : 0, 1);
        boolean[] predMatched = matchedPredictions(overlapMatch, preds.size());
        boolean[] predMatchedExact = matchedPredictions(exactMatch, preds.size());

        for (String view : VIEWS) {
            for (String kind : KINDS) {
                Tally tally = tallies.get(view).get(kind);
                for (int p = 0; p < preds.size(); p++) {
                    if (kindMatches(kind, preds.get(p).kind())) {
                        tally.predicted++;
                        tally.predictedMatched += predMatched[p] ? 1 : 0;
                        tally.predictedMatchedExact += predMatchedExact[p] ? 1 : 0;
                    }
                }
                for (int g = 0; g < golds.size(); g++) {
                    GoldAttribution gold = golds.get(g);
                    if (!kindMatches(kind, gold.kind()) || ("speech".equals(view) && !gold.speechCue())) {
                        continue;
                    }
                    tally.gold++;
                    tally.goldMatchedExact += exactMatch[g] >= 0 ? 1 : 0;
                    if (overlapMatch[g] < 0) {
                        continue;
                    }
                    tally.goldMatched++;
                    PredictedStatement pred = preds.get(overlapMatch[g]);
                    if (!gold.speakerPieces().isEmpty()) {
                        tally.speakerPairs++;
                        tally.speakerCorrect += speakerCorrect(gold, pred) ? 1 : 0;
                    }
                    if (!gold.cuePieces().isEmpty()) {
                        tally.cuePairs++;
                        tally.cueCorrect += pred.cue() != null && Interval.overlap(pred.cue(), gold.cuePieces()) > 0 ? 1 : 0;
                    }
                }
            }
        }
    }

    static double overlapRatio(GoldAttribution gold, PredictedStatement pred) {
        int shared = Interval.overlap(pred.content(), gold.contentPieces());
        int longer = Math.max(pred.content().length(), Interval.length(gold.contentPieces()));
        return longer == 0 ? 0 : (double) shared / longer;
    }

    private static boolean speakerCorrect(GoldAttribution gold, PredictedStatement pred) {
        if (pred.speaker() != null && Interval.overlap(pred.speaker(), gold.speakerPieces()) > 0) {
            return true;
        }
        return pred.speakerName() != null && gold.speaker() != null
                && pred.speakerName().strip().equalsIgnoreCase(gold.speaker().strip());
    }

    private static boolean kindMatches(String kind, String actual) {
        return "all".equals(kind) || kind.equals(actual.toLowerCase(Locale.ROOT));
    }

    /** Greedy one-to-one matching, highest score first; ties by document order. @return per gold, the prediction index or -1 */
    private static int[] oneToOne(List<GoldAttribution> golds, List<PredictedStatement> preds,
                                  ToDoubleBiFunction<GoldAttribution, PredictedStatement> score, double threshold) {
        record Candidate(int gold, int pred, double score) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int g = 0; g < golds.size(); g++) {
            for (int p = 0; p < preds.size(); p++) {
                double s = score.applyAsDouble(golds.get(g), preds.get(p));
                if (s >= threshold && s > 0) {
                    candidates.add(new Candidate(g, p, s));
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparingInt(Candidate::gold).thenComparingInt(Candidate::pred));
        int[] goldToPred = new int[golds.size()];
        Arrays.fill(goldToPred, -1);
        boolean[] predTaken = new boolean[preds.size()];
        for (Candidate c : candidates) {
            if (goldToPred[c.gold()] < 0 && !predTaken[c.pred()]) {
                goldToPred[c.gold()] = c.pred();
                predTaken[c.pred()] = true;
            }
        }
        return goldToPred;
    }

    private static boolean[] matchedPredictions(int[] goldToPred, int predictions) {
        boolean[] matched = new boolean[predictions];
        for (int p : goldToPred) {
            if (p >= 0) {
                matched[p] = true;
            }
        }
        return matched;
    }
}
