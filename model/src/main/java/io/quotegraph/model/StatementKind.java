package io.quotegraph.model;

/** Direct: the content is quoted. Indirect: reported speech. Mixed: reported speech with a quoted fragment. */
public enum StatementKind { DIRECT, INDIRECT, MIXED }
