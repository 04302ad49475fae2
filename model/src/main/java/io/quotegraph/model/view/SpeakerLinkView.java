package io.quotegraph.model.view;

/**
 * One article's name for a speaker or entity, and why resolution linked it there.
 *
 * @param key      the article-local key of the name ("S1", or "E:{type}:{name}" for an entity the article names)
 * @param mention  the article names it without quoting it
 * @param score    how sure the link is, 0..1
 * @param evidence why, in words
 * @param basis    what the link rests on: EXACT_NAME, GAZETTEER_ALIAS, SURNAME_COMPATIBLE_ROLE, SURNAME_DOMINANT,
 *                 SURNAME_ONLY, ANTECEDENT, ROLE_ONLY or CURATION; null for links made before bases were recorded
 */
public record SpeakerLinkView(String articleId, String key, String name, boolean mention, double score, String evidence,
                              String basis) {
}
