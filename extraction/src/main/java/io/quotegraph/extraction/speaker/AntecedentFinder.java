package io.quotegraph.extraction.speaker;

import io.quotegraph.extraction.text.Document;

/**
 * Finds the person a "he" or "she" most likely refers to when no earlier speaker fits: the nearest person name
 * before it in the text, outside quotes ("Senator Ruth Alder toured the plant. “It works,” she said.").
 * The search window is bounded, so the cost per pronoun is constant. A relative pronoun refers to the phrase before it.
 */
public final class AntecedentFinder {

    private static final int WINDOW = 150;
    private static final int MAX_NAME_TOKENS = 4;

    private final MentionParser mentions;
    private final SpeakerPhraseFinder phrases;

    public AntecedentFinder(MentionParser mentions, SpeakerPhraseFinder phrases) {
        this.mentions = mentions;
        this.phrases = phrases;
    }

    /**
     * What a relative pronoun at token {@code relative} refers to: the phrase right before it, a comma between
     * allowed ("Senator Ruth Alder, who said …", "Tenants who said …"); or null.
     */
    public Mention relativeAntecedent(Document doc, int relative) {
        int from = doc.sentenceOf(relative).from();
        int end = relative - 1 > from && doc.token(relative - 1).isPunct(',') ? relative - 1 : relative;
        int[] phrase = phrases.left(doc, end, from);
        return phrase == null ? null : mentions.parse(doc, phrase[0], phrase[1]);
    }

    /** The nearest person name ending before token {@code before}, or null. */
    public Mention nearestPerson(Document doc, int before) {
        int min = Math.max(0, before - WINDOW);
        int k = before - 1;
        while (k >= min) {
            if (!doc.token(k).isCapitalized() || doc.quoteAt(k) != null) {
                k--;
                continue;
            }
            int end = k + 1;
            while (k >= min && end - k <= MAX_NAME_TOKENS && (doc.token(k).isCapitalized() || doc.token(k).isPunct('.'))
                    && doc.quoteAt(k) == null) {
                k--;
            }
            int start = k + 1;
            boolean sentenceInitialWord = end - start == 1 && doc.sentenceOf(start).from() == start;
            Mention m = sentenceInitialWord ? null : mentions.parse(doc, start, end);
            if (m != null && m.isPersonName()) {
                return m;
            }
        }
        return null;
    }
}
