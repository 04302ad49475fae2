package io.quotegraph.extraction.attribution;

import io.quotegraph.extraction.lexicon.Lexicons;
import io.quotegraph.extraction.quote.Quote;
import io.quotegraph.extraction.speaker.Mention;
import io.quotegraph.extraction.speaker.MentionParser;
import io.quotegraph.extraction.speaker.SpeakerPhraseFinder;
import io.quotegraph.extraction.text.Document;
import io.quotegraph.extraction.text.Sentence;
import io.quotegraph.extraction.text.Token;

import java.util.List;
import java.util.Set;

/**
 * Attributes statements named by a cue noun with a "that" clause: "X's statements that …" and
 * "comments by X (…) that …". The clause ends at the first comma outside quotes or at the sentence end.
 * Requiring "that" keeps nouns like "statement" in "in a statement" from becoming statements themselves.
 */
final class CueNounAttributor {

    /** Tokens allowed between the speaker and "that" ("comments by X “just a little while ago” that"). */
    private static final int MAX_GAP_TO_THAT = 12;

    private final Lexicons lexicons;
    private final SpeakerPhraseFinder phrases;
    private final MentionParser mentions;
    private final ContentClassifier classifier = new ContentClassifier();

    CueNounAttributor(Lexicons lexicons, SpeakerPhraseFinder phrases, MentionParser mentions) {
        this.lexicons = lexicons;
        this.phrases = phrases;
        this.mentions = mentions;
    }

    void attribute(Document doc, List<Attribution> out) {
        for (Sentence s : doc.sentences()) {
            for (int i = s.from(); i < s.to(); i++) {
                Token t = doc.token(i);
                if (t.isWord() && !t.isCapitalized() && doc.quoteAt(i) == null && !doc.isExcluded(i) && lexicons.isCueNoun(t.text())) {
                    Attribution a = at(doc, s, i);
                    if (a != null) {
                        out.add(a);
                    }
                }
            }
        }
    }

    private Attribution at(Document doc, Sentence s, int cue) {
        int[] speaker;
        int afterSpeaker;
        if (cue - 1 > s.from() && doc.token(cue - 1).kind() == Token.Kind.POSSESSIVE) {
            speaker = phrases.left(doc, cue - 1, s.from()); // the owner before "'s": "the mayor's claims"
            afterSpeaker = cue + 1;
        } else if (cue + 1 < s.to() && (doc.token(cue + 1).is("by") || doc.token(cue + 1).is("from"))) {
            speaker = phrases.right(doc, cue + 2, s.to());
            afterSpeaker = speaker == null ? -1 : speaker[1];
        } else {
            return unowned(doc, s, cue);
        }
        if (speaker == null) {
            return null;
        }
        int that = findThat(doc, afterSpeaker, s.to());
        if (that < 0) {
            return null;
        }
        Mention m = mentions.parse(doc, speaker[0], speaker[1]);
        if (m == null) {
            return null;
        }
        int end = clauseEnd(doc, that + 1, s.to());
        ContentClassifier.Content c = classifier.classify(doc, that + 1, end, m);
        return c == null ? null : new Attribution(c.kind(), c.start(), c.end(), cue, cue + 1, m, s, Math.min(cue, speaker[0]), that);
    }

    private static final Set<String> DETERMINERS = Set.of("the", "a", "an");
    /** Words that open the subject of a "that" clause: "the idea that the plan …", "the hope that Congress …". */
    private static final Set<String> SUBJECT_OPENERS = Set.of("the", "a", "an", "he", "she", "it", "they", "we", "i",
            "you", "his", "her", "their", "its", "our", "my", "there", "this", "these", "those", "some", "many", "most",
            "no", "every", "all", "any", "more", "one");

    /**
     * "Republicans never bought the idea that a trillion-dollar health care law could save money", "in the hope that
     * Congress could stay his hand": a cue noun after "the/a/an" (one lowercase modifier between) and before a "that"
     * clause names a belief or a claim whose holder the text does not name there; the content is the clause with its
     * "that". Only when a subject opens the clause: "the claims that he made" is a relative clause, but "the claims
     * that followed" or "a concern that Rubio and Cruz would echo" cannot be told apart by the word after "that", so the
     * subject must be a determiner, a pronoun, a number or a capitalised name.
     */
    private Attribution unowned(Document doc, Sentence s, int cue) {
        int that = cue + 1;
        if (that + 1 >= s.to() || !doc.token(that).is("that") || doc.quoteAt(that + 1) != null) {
            return null;
        }
        int det = cue - 1 > s.from() && isModifier(doc.token(cue - 1)) ? cue - 2 : cue - 1;
        if (det < s.from() || !DETERMINERS.contains(doc.token(det).lower())) {
            return null;
        }
        Token subject = doc.token(that + 1);
        if (!subject.isWord() || !(SUBJECT_OPENERS.contains(subject.lower()) || subject.isCapitalized()
                || Character.isDigit(subject.text().charAt(0)))) {
            return null;
        }
        int end = clauseEnd(doc, that + 1, s.to());
        if (end <= that + 2) {
            return null;
        }
        ContentClassifier.Content c = classifier.classify(doc, that, end, null);
        return c == null || doc.isExcluded(that) ? null : Attribution.unnamed(c.kind(), c.start(), c.end(), cue, cue + 1, s);
    }

    private boolean isModifier(Token t) {
        return t.isWord() && !t.isCapitalized() && !DETERMINERS.contains(t.lower()) && !lexicons.isCueNoun(t.text());
    }

    private static int findThat(Document doc, int from, int limit) {
        for (int k = from; k < limit && k < from + MAX_GAP_TO_THAT; k++) {
            Quote q = doc.quoteAt(k);
            if (q != null) {
                k = q.lastToken();
            } else if (doc.token(k).is("that")) {
                return k;
            } else if (!doc.token(k).isWord()) {
                return -1;
            }
        }
        return -1;
    }

    private static int clauseEnd(Document doc, int from, int limit) {
        int k = from;
        while (k < limit) {
            Quote q = doc.quoteAt(k);
            if (q != null) {
                k = q.lastToken() + 1;
                continue;
            }
            Token t = doc.token(k);
            if (t.isPunct(',') || t.isPunct(';') || t.isPunct('.') && k == limit - 1) {
                return k;
            }
            k++;
        }
        return Math.min(k, limit);
    }
}
