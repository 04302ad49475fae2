package io.quotegraph.extraction.attribution;

import io.quotegraph.extraction.speaker.Mention;
import io.quotegraph.extraction.speaker.MentionParser;
import io.quotegraph.extraction.speaker.SpeakerPhraseFinder;
import io.quotegraph.extraction.text.Document;
import io.quotegraph.extraction.text.Sentence;
import io.quotegraph.extraction.text.Token;
import io.quotegraph.model.StatementKind;

import java.util.List;
import java.util.Set;

/**
 * "Bernie Sanders, a self-described democratic socialist, …": the words after "self-described" (self-proclaimed,
 * self-styled …) are how the described person describes themselves, a report of their own words. The content is the
 * noun phrase after the cue, up to punctuation or a relative pronoun; the speaker is the name the appositive
 * describes ("X, a self-described …"), else a source the text does not name ("ran as a self-described …").
 */
final class SelfDescribedAttributor {

    private static final Set<String> CUES = Set.of("self-described", "self-proclaimed", "self-styled", "self-declared",
            "self-identified");
    private static final Set<String> DETERMINERS = Set.of("a", "an", "the");
    /** Words that end the description: a relative clause, a conjunction opening a second predicate. */
    private static final Set<String> ENDS = Set.of("who", "whom", "whose", "which", "that", "and", "but", "or", "is", "was",
            "has", "had", "said", "says");
    private static final int MAX_CONTENT_TOKENS = 6;
    private static final int MAX_NAME_TOKENS = 4;

    private final SpeakerPhraseFinder phrases;
    private final MentionParser mentions;

    SelfDescribedAttributor(SpeakerPhraseFinder phrases, MentionParser mentions) {
        this.phrases = phrases;
        this.mentions = mentions;
    }

    void attribute(Document doc, boolean[] usedCue, List<Attribution> out) {
        for (Sentence s : doc.sentences()) {
            for (int k = s.from(); k < s.to() - 1; k++) {
                if (!usedCue[k] && doc.token(k).isWord() && CUES.contains(doc.token(k).lower()) && doc.quoteAt(k) == null) {
                    Attribution a = described(doc, s, k);
                    if (a != null) {
                        out.add(a);
                        usedCue[k] = true;
                    }
                }
            }
        }
    }

    private Attribution described(Document doc, Sentence s, int cue) {
        int end = cue + 1;
        while (end < s.to() && end - cue <= MAX_CONTENT_TOKENS && doc.token(end).isWord() && doc.quoteAt(end) == null
                && !ENDS.contains(doc.token(end).lower())) {
            end++;
        }
        if (end == cue + 1 || end - cue > MAX_CONTENT_TOKENS || cue > s.from() && doc.token(cue - 1).is("the")) {
            // "the self-proclaimed Islamic State" refers by the name; only "a self-described X" predicates it
            return null;
        }
        int contentStart = doc.token(cue + 1).start();
        int contentEnd = doc.token(end - 1).end();
        Mention ownerPronoun = cue > s.from() ? mentions.possessivePronoun(doc, cue - 1) : null;
        if (ownerPronoun != null || cue > s.from() && doc.token(cue - 1).kind() == Token.Kind.POSSESSIVE) {
            // "his self-described …", "Sanders's self-described …": the owner describes; no owner read, no statement
            Mention owner = ownerPronoun != null ? ownerPronoun : capitalisedNameBefore(doc, s, cue - 1);
            return owner == null ? null
                    : new Attribution(StatementKind.INDIRECT, contentStart, contentEnd, cue, cue + 1, owner, s, s.from(), end);
        }
        Mention speaker = describedName(doc, s, cue);
        return speaker == null
                ? Attribution.unnamed(StatementKind.INDIRECT, contentStart, contentEnd, cue, cue + 1, s)
                : new Attribution(StatementKind.INDIRECT, contentStart, contentEnd, cue, cue + 1, speaker, s, s.from(), end);
    }

    /** The name that "X, a self-described …" describes: the phrase before the appositive's comma. */
    private Mention describedName(Document doc, Sentence s, int cue) {
        int determiner = cue - 1;
        if (determiner <= s.from() || !DETERMINERS.contains(doc.token(determiner).lower())) {
            return null;
        }
        Token comma = doc.token(determiner - 1);
        if (!comma.isPunct(',')) {
            return null;
        }
        int[] phrase = phrases.left(doc, determiner, s.from());
        Mention m = phrase == null ? null : mentions.parse(doc, phrase[0], Math.min(phrase[1], determiner - 1));
        // "was classic Bernie Sanders, a self-described …": the capitalised name right before the comma
        return m != null && m.form() == Mention.Form.NAME ? m : capitalisedNameBefore(doc, s, determiner - 1);
    }

    /** The name of up to four capitalised words right before token {@code end} (a comma, or "'s"), or null. */
    private Mention capitalisedNameBefore(Document doc, Sentence s, int end) {
        int from = end;
        while (from - 1 >= s.from() && end - from < MAX_NAME_TOKENS && doc.token(from - 1).isCapitalized()) {
            from--;
        }
        Mention m = from < end ? mentions.parse(doc, from, end) : null;
        return m != null && m.form() == Mention.Form.NAME ? m : null;
    }
}
