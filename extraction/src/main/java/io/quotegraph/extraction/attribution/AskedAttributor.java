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
 * The question in a passive "asked" clause that sets up someone's answer: "Asked on Fox News who leads the party, he
 * said Ryan", "…,” Christie said when asked whether he would issue a quarantine", "Asked about her own vote, …". The
 * question is a statement of whoever asked it: the one named after "by" ("Asked by Stephanopoulos to respond …"),
 * else a source the text does not name (an interviewer, a reporter). The content is the question, from its
 * wh-word, "to" or the object of "about", to the clause's comma or the sentence's end. A request ("to …") is a
 * statement only of an asker the text names: "Asked to comment on X's claim that …" by nobody named says nothing.
 */
final class AskedAttributor {

    /** Words before "asked" that open the passive clause ("when asked whether …"). */
    private static final Set<String> OPENERS = Set.of("when", "after", "if", "once", "before", "while", "as");
    /** Words that open the question itself. */
    private static final Set<String> QUESTION_OPENERS = Set.of("whether", "if", "how", "what", "why", "who", "whom",
            "which", "when", "where", "to", "about");
    /** Adverbial words allowed between "asked" and the question ("asked on Fox News", "asked last month about"). */
    private static final int MAX_ADVERBIAL_TOKENS = 7;

    private final SpeakerPhraseFinder phrases;
    private final MentionParser mentions;

    AskedAttributor(SpeakerPhraseFinder phrases, MentionParser mentions) {
        this.phrases = phrases;
        this.mentions = mentions;
    }

    void attribute(Document doc, boolean[] usedCue, List<Attribution> out) {
        for (Sentence s : doc.sentences()) {
            for (int k = s.from(); k < s.to(); k++) {
                if (!usedCue[k] && doc.token(k).is("asked") && opensPassiveClause(doc, s, k)) {
                    Attribution a = question(doc, s, k);
                    if (a != null) {
                        out.add(a);
                        usedCue[k] = true;
                    }
                }
            }
        }
    }

    /** "Asked …" opening the sentence (or after a leading "And"), or "when/after/if asked …" inside it. */
    private static boolean opensPassiveClause(Document doc, Sentence s, int k) {
        if (k == s.from()) {
            return true;
        }
        Token before = doc.token(k - 1);
        // "And asked how …, Bone said" opens the sentence; "… and asked for volunteers" is an active verb with a subject
        return before.isWord() && (OPENERS.contains(before.lower()) || before.is("and") && k - 1 == s.from());
    }

    private Attribution question(Document doc, Sentence s, int asked) {
        int k = asked + 1;
        Mention asker = null;
        if (k < s.to() && doc.token(k).is("by")) {
            int[] phrase = phrases.right(doc, k + 1, s.to());
            asker = phrase == null ? null : mentions.parse(doc, phrase[0], phrase[1]);
            if (asker == null) {
                return null;
            }
            k = phrase[1];
        }
        int limit = Math.min(s.to(), k + MAX_ADVERBIAL_TOKENS);
        while (k < limit && !(doc.token(k).isWord() && QUESTION_OPENERS.contains(doc.token(k).lower()))) {
            if (!doc.token(k).isWord() || doc.quoteAt(k) != null) {
                return null; // a comma or quote before any question: "asked, “…”" is left to the quote rules
            }
            k++;
        }
        if (k >= limit) {
            return null;
        }
        if (asker == null && doc.token(k).is("to")) {
            return null; // "Asked to comment on …": a request by nobody named states nothing, unlike a question
        }
        int from = doc.token(k).is("about") ? k + 1 : k;
        int end = from;
        while (end < s.to() && !doc.token(end).isPunct(',') && !doc.token(end).isPunct(':') && doc.quoteAt(end) == null) {
            end++;
        }
        int last = end - 1;
        while (last >= from && doc.token(last).kind() == Token.Kind.PUNCT) {
            last--;
        }
        if (last < from) {
            return null;
        }
        int start = doc.token(from).start();
        int stop = doc.token(last).end();
        return asker != null
                ? new Attribution(StatementKind.INDIRECT, start, stop, asked, asked + 1, asker, s, asked, from)
                : Attribution.unnamed(StatementKind.INDIRECT, start, stop, asked, asked + 1, s);
    }
}
