package io.quotegraph.evaluation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScorerTest {

    private final Scorer scorer = new Scorer();

    @Test
    void aPerfectPredictionScoresOneEverywhere() {
        GoldAttribution gold = gold("direct", 10, 40, true);
        PredictedStatement pred = new PredictedStatement("direct", new Interval(10, 40), new Interval(0, 5), null, new Interval(6, 9), 1);

        Tally all = score(List.of(gold), List.of(pred)).get("all").get("all");

        assertThat(all.f1()).isEqualTo(1.0);
        assertThat(all.exactF1()).isEqualTo(1.0);
        assertThat(all.speakerAccuracy()).isEqualTo(1.0);
        assertThat(all.cueAccuracy()).isEqualTo(1.0);
    }

    @Test
    void overlapMustReachHalfOfTheLongerContent() {
        GoldAttribution gold = gold("indirect", 0, 100, true);
        Tally justEnough = score(List.of(gold), List.of(pred("indirect", 0, 50))).get("all").get("all");
        Tally tooLittle = score(List.of(gold), List.of(pred("indirect", 0, 49))).get("all").get("all");

        assertThat(justEnough.recall()).isEqualTo(1.0);
        assertThat(justEnough.exactRecall()).isZero();
        assertThat(tooLittle.recall()).isZero();
    }

    @Test
    void aSplitGoldContentCountsOnlyItsPieces() {
        // "…first part," he said, "second part…": pieces 0-40 and 60-100, the outer span 0-100
        GoldAttribution split = new GoldAttribution("direct", new Interval(0, 100),
                List.of(new Interval(0, 40), new Interval(60, 100)), "he", List.of(new Interval(41, 43)),
                List.of(new Interval(44, 48)), true);

        assertThat(Scorer.overlapRatio(split, pred("direct", 0, 40))).isCloseTo(0.5, within(1e-9));
        assertThat(Scorer.overlapRatio(split, pred("direct", 0, 100))).isCloseTo(0.8, within(1e-9));
    }

    @Test
    void matchingIsOneToOne() {
        GoldAttribution gold = gold("direct", 0, 100, true);
        Tally all = score(List.of(gold), List.of(pred("direct", 0, 100), pred("direct", 0, 90))).get("all").get("all");

        assertThat(all.recall()).isEqualTo(1.0);
        assertThat(all.precision()).isEqualTo(0.5);
    }

    @Test
    void theSpeechViewCountsRecallOverSpeechCuesOnlyAndPrecisionOverAllGold() {
        GoldAttribution speech = gold("indirect", 0, 50, true);
        GoldAttribution belief = gold("indirect", 100, 150, false);
        Map<String, Map<String, Tally>> tallies = score(List.of(speech, belief),
                List.of(pred("indirect", 100, 150)));

        Tally speechView = tallies.get("speech").get("all");
        assertThat(speechView.gold()).isEqualTo(1);
        assertThat(speechView.recall()).isZero();
        assertThat(speechView.precision()).isEqualTo(1.0);
        assertThat(tallies.get("all").get("all").recall()).isEqualTo(0.5);
    }

    @Test
    void perKindRecallFollowsTheGoldKindAndPrecisionThePredictedKind() {
        Map<String, Map<String, Tally>> tallies = score(List.of(gold("mixed", 0, 50, true)),
                List.of(pred("indirect", 0, 50)));

        assertThat(tallies.get("all").get("mixed").recall()).isEqualTo(1.0);
        assertThat(tallies.get("all").get("mixed").predicted()).isZero();
        assertThat(tallies.get("all").get("indirect").precision()).isEqualTo(1.0);
        assertThat(tallies.get("all").get("indirect").gold()).isZero();
    }

    @Test
    void theSpeakerIsRightByOverlappingMentionOrByResolvedName() {
        GoldAttribution gold = new GoldAttribution("direct", new Interval(10, 40), List.of(new Interval(10, 40)),
                "Matthew Miller", List.of(new Interval(50, 64)), List.of(), true);
        PredictedStatement byName = new PredictedStatement("direct", new Interval(10, 40), new Interval(70, 72),
                "matthew miller", null, 1);
        PredictedStatement wrong = new PredictedStatement("direct", new Interval(10, 40), new Interval(70, 72),
                "Antony Blinken", null, 1);

        assertThat(score(List.of(gold), List.of(byName)).get("all").get("all").speakerAccuracy()).isEqualTo(1.0);
        assertThat(score(List.of(gold), List.of(wrong)).get("all").get("all").speakerAccuracy()).isZero();
    }

    private Map<String, Map<String, Tally>> score(List<GoldAttribution> golds, List<PredictedStatement> preds) {
        return scorer.score(Map.of("a", golds), Map.of("a", preds));
    }

    private static GoldAttribution gold(String kind, int start, int end, boolean speech) {
        return new GoldAttribution(kind, new Interval(start, end), List.of(new Interval(start, end)), "X",
                List.of(new Interval(0, 5)), List.of(new Interval(6, 9)), speech);
    }

    private static PredictedStatement pred(String kind, int start, int end) {
        return new PredictedStatement(kind, new Interval(start, end), null, null, null, 1);
    }
}
