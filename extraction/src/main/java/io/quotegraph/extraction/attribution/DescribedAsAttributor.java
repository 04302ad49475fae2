package io.quotegraph.extraction.attribution;

import io.quotegraph.extraction.quote.Quote;
import io.quotegraph.extraction.speaker.Mention;
import io.quotegraph.extraction.speaker.MentionParser;
import io.quotegraph.extraction.text.Document;
import io.quotegraph.extraction.text.Sentence;
import io.quotegraph.model.StatementKind;

import java.util.List;
import java.util.Set;

/**
 * A relative clause in which the speaker describes its antecedent in quoted words: "Clinton's email server, which he
 * described as “like an open orchid.”", "the Republican candidate, whom he described as "volatile,"". The statement
 * is the relative pronoun and the description (a mixed statement: the words are quoted); the speaker is the clause's
 * subject, a pronoun or a name.
 */
final class DescribedAsAttributor {

    /** Not "what": "discuss what he described as the “brilliant” decision …" is a noun phrase of a larger clause. */
    private static final Set<String> RELATIVES = Set.of("which", "whom", "who");
    private static final Set<String> DESCRIBING_VERBS = Set.of("described", "characterized", "characterised", "portrayed",
            "labeled", "labelled", "branded");
    /** Words allowed between "as" and the quote ("as a “…”", "as the most “…”"). */
    private static final int MAX_WORDS_BEFORE_QUOTE = 3;
    private static final int MAX_SUBJECT_TOKENS = 3;

    private final MentionParser mentions;

    DescribedAsAttributor(MentionParser mentions) {
        this.mentions = mentions;
    }

    void attribute(Document doc, boolean[] usedCue, List<Attribution> out) {
        for (Sentence s : doc.sentences()) {
            for (int k = s.from(); k < s.to() - 3; k++) {
                if (doc.token(k).isWord() && RELATIVES.contains(doc.token(k).lower()) && doc.quoteAt(k) == null) {
                    Attribution a = described(doc, s, k, usedCue);
                    if (a != null) {
                        out.add(a);
                        usedCue[a.cueFrom()] = true;
                    }
                }
            }
        }
    }

    private Attribution described(Document doc, Sentence s, int relative, boolean[] usedCue) {
        for (int verb = relative + 2; verb < s.to() - 2 && verb <= relative + 1 + MAX_SUBJECT_TOKENS; verb++) {
            if (!DESCRIBING_VERBS.contains(doc.token(verb).lower()) || !doc.token(verb + 1).is("as") || usedCue[verb]) {
                continue;
            }
            Mention speaker = mentions.parse(doc, relative + 1, verb);
            if (speaker == null || speaker.form() != Mention.Form.NAME && speaker.form() != Mention.Form.PRONOUN) {
                return null;
            }
            for (int k = verb + 2; k < s.to() && k <= verb + 2 + MAX_WORDS_BEFORE_QUOTE; k++) {
                Quote q = doc.quoteAt(k);
                if (q != null && q.firstToken() == k) {
                    return new Attribution(StatementKind.MIXED, doc.token(relative).start(), q.end(), verb, verb + 2, speaker, s,
                            relative, verb + 2);
                }
                if (!doc.token(k).isWord()) {
                    return null;
                }
            }
            return null;
        }
        return null;
    }
}
