package io.quotegraph.extraction.time;

/** The time a clause speaks of relative to its writing, which decides which "Wednesday" or "Oct. 5" it means. */
public enum Tense {
    PAST,
    /** Present tense, or no verb that tells: reporting conventions decide. */
    PRESENT,
    FUTURE
}
