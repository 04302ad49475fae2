package io.quotegraph.evaluation;

/** One statement of a prediction file; {@code speaker} and {@code cue} may be null. */
public record PredictedStatement(String kind, Interval content, Interval speaker, String speakerName, Interval cue,
                                 double confidence) {
}
