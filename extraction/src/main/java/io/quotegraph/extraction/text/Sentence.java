package io.quotegraph.extraction.text;

/** A sentence as the token range [from, to). */
public record Sentence(int from, int to) {
}
