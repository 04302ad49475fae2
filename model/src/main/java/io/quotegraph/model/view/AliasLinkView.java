package io.quotegraph.model.view;

/**
 * One name of a speaker or entity, and why it is theirs: the best link among the article names that use it.
 *
 * @param basis what the link rests on (see {@link SpeakerLinkView#basis()}); ANTECEDENT for a role or name that stands,
 *              within its article, for the article's name of the speaker ("the secretary" → "Antony Blinken")
 */
public record AliasLinkView(String name, double score, String evidence, String basis) {
}
