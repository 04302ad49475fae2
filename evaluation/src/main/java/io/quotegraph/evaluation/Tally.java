package io.quotegraph.evaluation;

/** The counts behind one row of the score table (one view, one kind). */
public final class Tally {

    int gold;
    int predicted;
    int goldMatched;
    int predictedMatched;
    int goldMatchedExact;
    int predictedMatchedExact;
    int speakerPairs;
    int speakerCorrect;
    int cuePairs;
    int cueCorrect;

    public int gold() {
        return gold;
    }

    public int predicted() {
        return predicted;
    }

    public double precision() {
        return ratio(predictedMatched, predicted);
    }

    public double recall() {
        return ratio(goldMatched, gold);
    }

    public double f1() {
        return f1(precision(), recall());
    }

    public double exactPrecision() {
        return ratio(predictedMatchedExact, predicted);
    }

    public double exactRecall() {
        return ratio(goldMatchedExact, gold);
    }

    public double exactF1() {
        return f1(exactPrecision(), exactRecall());
    }

    /** Of the overlap-matched pairs whose gold has a source: how many name the right speaker. */
    public double speakerAccuracy() {
        return ratio(speakerCorrect, speakerPairs);
    }

    /** Of the overlap-matched pairs whose gold has a cue: how many found it. */
    public double cueAccuracy() {
        return ratio(cueCorrect, cuePairs);
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
