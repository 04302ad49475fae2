package io.quotegraph.extraction.attribution;

import io.quotegraph.extraction.lexicon.Lexicons;
import io.quotegraph.extraction.speaker.Mention;
import io.quotegraph.extraction.text.Token;
import io.quotegraph.extraction.text.Sentence;
import io.quotegraph.model.StatementKind;

/**
 * A statement found by one of the attributors, before its speaker is resolved.
 *
 * @param contentStart  character offset where the content starts (for DIRECT, at the opening mark)
 * @param contentEnd    character offset where the content ends
 * @param cueFrom       first token of the cue, or -1 when there is none (a quote continuing the previous one)
 * @param cueTo         token after the cue
 * @param speaker       the speaker as written; null for a continuation, which takes the previous statement's speaker
 * @param sentence      the sentence holding the attribution
 * @param contextFrom   first token of the attribution's own words (speaker, cue, adverbials), searched for the occasion
 * @param contextTo     token after them
 * @param unnamed       the source is not named in the text ("Asked whether …", "X appears to …"): no speaker, and
 *                      unlike a continuation none is taken from the statement before
 */
public record Attribution(StatementKind kind, int contentStart, int contentEnd, int cueFrom, int cueTo,
                          Mention speaker, Sentence sentence, int contextFrom, int contextTo, boolean unnamed) {

    public Attribution(StatementKind kind, int contentStart, int contentEnd, int cueFrom, int cueTo,
                       Mention speaker, Sentence sentence, int contextFrom, int contextTo) {
        this(kind, contentStart, contentEnd, cueFrom, cueTo, speaker, sentence, contextFrom, contextTo, false);
    }

    /** A statement whose cue is in the text but whose source is not. */
    static Attribution unnamed(StatementKind kind, int contentStart, int contentEnd, int cueFrom, int cueTo, Sentence sentence) {
        return new Attribution(kind, contentStart, contentEnd, cueFrom, cueTo, null, sentence, cueFrom, cueTo, true);
    }

    public boolean isContinuation() {
        return speaker == null && !unnamed;
    }

    /** Where the attribution is anchored in reading order: its speaker mention, else its content. */
    public int anchor() {
        return speaker != null ? speaker.span().start() : contentStart;
    }

    /** The same attribution with its content running on to {@code end} (a quote continued after the attribution). */
    public Attribution extendedTo(int end) {
        return new Attribution(kind, contentStart, Math.max(contentEnd, end), cueFrom, cueTo, speaker, sentence, contextFrom,
                contextTo, unnamed);
    }

    /** This report with a quotation after it joined to its content: a mixed statement running on to {@code end}. */
    public Attribution quotedOnTo(int end) {
        return new Attribution(StatementKind.MIXED, contentStart, Math.max(contentEnd, end), cueFrom, cueTo, speaker, sentence,
                contextFrom, contextTo, unnamed);
    }

    /**
     * The speaker of the latest attribution in {@code found} whose cue ends before {@code cue} in sentence {@code s}:
     * the subject a participle cue shares ("Graham said …, adding, “…”"), or null when
     * a word of another phrase comes right before the participle. The whole list is read:
     * the direct quotes' attributions come first, in reading order, before the reported ones.
     */
    /**
     * Words that may come between the comma and a participle sharing the subject: "…, and adding", "…, while also
     * saying" (and adverbs in "-ly", auxiliaries: "pointedly saying", "will be voting for").
     */
    private static final java.util.Set<String> PARTICIPLE_OPENERS = java.util.Set.of("and", "but", "while", "also", "even",
            "then", "before", "after", "by", "when", "later", "again", "further", "without", "like", "consider", "considering");

    static Mention sharedSubject(java.util.List<Attribution> found, Sentence s, io.quotegraph.extraction.text.Document doc, int cue) {
        Token before = cue > 0 ? doc.token(cue - 1) : null;
        if (before != null && before.isWord() && !PARTICIPLE_OPENERS.contains(before.lower()) && !before.lower().endsWith("ly")
                && !Lexicons.get().isAuxiliary(before.text())) {
            return null; // "with 56 percent of voters saying …": the participle has a subject of its own
        }
        Mention shared = null;
        int latest = -1;
        for (int i = found.size() - 1; i >= 0; i--) {
            Attribution a = found.get(i);
            if (a.sentence() == s && a.speaker() != null && a.cueTo() <= cue && a.cueFrom() > latest) {
                shared = a.speaker();
                latest = a.cueFrom();
            }
        }
        return shared;
    }
}
