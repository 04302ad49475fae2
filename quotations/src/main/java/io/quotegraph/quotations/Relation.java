package io.quotegraph.quotations;

/** How two statements of one speaker relate. */
public enum Relation {
    /** The same utterance reported twice: equal or near-equal wording, or one a fragment of the other. */
    SAME,
    /** Different utterances saying nearly the same thing (a talking point repeated at another briefing). */
    SIMILAR,
    UNRELATED
}
