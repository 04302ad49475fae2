package io.quotegraph.extraction.attribution;

import io.quotegraph.extraction.speaker.Mention;
import io.quotegraph.extraction.speaker.MentionParser;
import io.quotegraph.extraction.speaker.SpeakerPhraseFinder;
import io.quotegraph.extraction.text.Document;
import io.quotegraph.extraction.text.Sentence;
import io.quotegraph.extraction.text.Token;

import java.util.List;
import java.util.Set;

/**
 * Attributes reported speech around a cue verb not used by a direct quote:
 * <ul>
 *   <li>content after: "X said (that) …", "X told reporters (that) …", "X expressed …", "X said Monday …";</li>
 *   <li>content before: "…, X said Wednesday." and inverted "…, said X.";</li>
 *   <li>"according to X, …" and "…, according to X".</li>
 * </ul>
 * The content runs to the end of the sentence (a final period left out). Quoted fragments in it make it MIXED.
 */
final class ReportedSpeechAttributor {

    /** Object of "told" before its content: "told reporters", "told the BBC on Monday that". */
    private static final int MAX_TOLD_OBJECT = 8;
    /** A prepositional phrase closing a content-before sentence is short ("…, X said in New York."). */
    private static final int MAX_TRAILING_PHRASE = 6;
    private static final Set<String> PREPOSITIONS = Set.of("in", "at", "on", "during", "after", "before", "while", "from",
            "to", "with", "for", "of", "about", "as", "outside", "inside", "near", "following", "when", "by", "since", "until",
            "through", "over", "under", "against", "into");

    private final Cues cues;
    private final SpeakerPhraseFinder phrases;
    private final MentionParser mentions;
    private final Adverbials adverbials;
    private final ContentClassifier classifier = new ContentClassifier();

    ReportedSpeechAttributor(Cues cues, SpeakerPhraseFinder phrases, MentionParser mentions, Adverbials adverbials) {
        this.cues = cues;
        this.phrases = phrases;
        this.mentions = mentions;
        this.adverbials = adverbials;
    }

    void attribute(Document doc, boolean[] usedCue, List<Attribution> out) {
        for (Sentence s : doc.sentences()) {
            for (int i = s.from(); i < s.to(); i++) {
                if (usedCue[i]) {
                    continue;
                }
                int len = cues.verbAt(doc, i);
                Attribution a = len == 2 ? accordingTo(doc, s, i) : len == 1 ? verb(doc, s, i) : null;
                if (a != null) {
                    out.add(a);
                    i += len - 1;
                }
            }
        }
    }

    private Attribution verb(Document doc, Sentence s, int cue) {
        int end = contentEnd(doc, s);
        int[] subject = phrases.participleSubject(doc, cue, s.from());
        if (subject == null) {
            subject = phrases.left(doc, cue, s.from());
        }
        int after = cue + 1;
        if (Cues.isTell(doc.token(cue))) {
            after = skipToldObject(doc, after, end);
        }
        after = adverbials.skip(doc, after, end);
        if (after < end && (doc.token(after).isPunct(':') || doc.token(after).isPunct(',') && after + 1 < end && doc.quoteAt(after + 1) != null)) {
            return null; // "X said: “…”" belongs to the direct-quote rules
        }
        if (after < end && isPreposition(doc.token(after))) {
            // "said in an email that …" reads on after "that"; "…, X said in New York." is content-before
            int that = thatWithin(doc, after, end);
            if (that < 0) {
                return end - after <= MAX_TRAILING_PHRASE ? contentBefore(doc, s, cue, subject) : null;
            }
            after = that;
        }
        boolean that = after < end && doc.token(after).is("that");
        if (that) {
            after++;
        }
        if (after >= end) {
            return contentBefore(doc, s, cue, subject);
        }
        if (!that && Cues.needsThat(doc.token(cue))) {
            return null;
        }
        boolean pause = false;
        while (after < end && !startsClause(doc, after)) {
            after++; // "said — …", "said, for young voters, …": the content starts at the next word
            pause = true;
        }
        if (subject == null || after >= end || pause && continuesOtherwise(doc.token(after))) {
            return null;
        }
        if (pause) {
            int asideThat = thatAfterAside(doc, after, end);
            after = asideThat < 0 ? after : asideThat + 1; // "said, per a translator, that …"
        }
        Mention m = mentions.parse(doc, subject[0], subject[1]);
        return build(doc, s, after, end, cue, cue + 1, m, s.from(), after);
    }

    /** "…, X said Wednesday." / "…, said X." */
    private Attribution contentBefore(Document doc, Sentence s, int cue, int[] subject) {
        Mention m;
        int comma;
        if (subject != null) {
            comma = subject[0] - 1;
            m = mentions.parse(doc, subject[0], subject[1]);
        } else if (Cues.isTell(doc.token(cue))) {
            return null; // "…, told X": X is the addressee
        } else {
            comma = cue - 1;
            int[] inverted = phrases.right(doc, cue + 1, s.to());
            if (inverted == null || adverbials.skip(doc, inverted[1], contentEnd(doc, s)) < contentEnd(doc, s)) {
                return null;
            }
            m = mentions.parse(doc, inverted[0], inverted[1]);
        }
        if (comma <= s.from() || !doc.token(comma).isPunct(',')) {
            return null;
        }
        return build(doc, s, s.from(), comma, cue, cue + 1, m, comma, s.to());
    }

    private Attribution accordingTo(Document doc, Sentence s, int cue) {
        int end = contentEnd(doc, s);
        int[] source = phrases.right(doc, cue + 2, s.to());
        if (source == null) {
            return null;
        }
        Mention m = mentions.parse(doc, source[0], source[1]);
        if (cue == s.from() && source[1] < end && doc.token(source[1]).isPunct(',')) {
            return build(doc, s, source[1] + 1, end, cue, cue + 2, m, cue, source[1]);
        }
        if (cue - 1 > s.from() && doc.token(cue - 1).isPunct(',')) {
            return build(doc, s, s.from(), cue - 1, cue, cue + 2, m, cue, s.to());
        }
        return null;
    }

    private Attribution build(Document doc, Sentence s, int from, int to, int cueFrom, int cueTo, Mention m,
                              int contextFrom, int contextTo) {
        if (m == null) {
            return null;
        }
        ContentClassifier.Content c = classifier.classify(doc, from, to, m);
        if (c == null || doc.isExcluded(from)) {
            return null;
        }
        return new Attribution(c.kind(), c.start(), c.end(), cueFrom, cueTo, m, s, contextFrom, contextTo);
    }

    /** After "told": up to "that" when it comes soon, else past the addressee ("told reporters …"). */
    private int skipToldObject(Document doc, int from, int end) {
        for (int k = from; k < end && k < from + MAX_TOLD_OBJECT; k++) {
            Token t = doc.token(k);
            if (t.is("that")) {
                return k;
            }
            if (!t.isWord() || doc.quoteAt(k) != null) {
                break;
            }
        }
        if (from < end && doc.token(from).isWord() && isObjectPronoun(doc.token(from))) {
            return from + 1;
        }
        int[] object = phrases.right(doc, from, end);
        return object == null ? from : object[1];
    }

    private static boolean isPreposition(Token t) {
        return t.isWord() && PREPOSITIONS.contains(t.lower());
    }

    private static int thatWithin(Document doc, int from, int end) {
        for (int k = from; k < end && k < from + MAX_TOLD_OBJECT; k++) {
            if (doc.token(k).is("that")) {
                return k;
            }
            if (!doc.token(k).isWord()) {
                return -1;
            }
        }
        return -1;
    }

    /** "that" closing a short aside set off by commas, or -1. */
    private static int thatAfterAside(Document doc, int from, int end) {
        for (int k = from; k < end && k < from + MAX_TOLD_OBJECT; k++) {
            if (doc.token(k).is("that") && doc.token(k - 1).isPunct(',')) {
                return k;
            }
            if (!doc.token(k).isWord() && !doc.token(k).isPunct(',')) {
                return -1;
            }
        }
        return -1;
    }

    /** Content starts with a word or a quotation, not with stray punctuation ("he said, and …"). */
    private static boolean startsClause(Document doc, int k) {
        return doc.token(k).isWord() || doc.quoteAt(k) != null;
    }

    /** After "X said," a coordinator or a participle goes on with something else: "he said, and …", "said, emphasizing …". */
    private static boolean continuesOtherwise(Token t) {
        String w = t.lower();
        return w.equals("and") || w.equals("but") || w.equals("or") || w.equals("while") || w.equals("as")
                || !t.isCapitalized() && w.endsWith("ing");
    }

    private static boolean isObjectPronoun(Token t) {
        String w = t.lower();
        return w.equals("him") || w.equals("her") || w.equals("them") || w.equals("us") || w.equals("me") || w.equals("you");
    }

    /** The sentence end, a final period or colon left out (a closing quote mark stays). */
    private static int contentEnd(Document doc, Sentence s) {
        int end = s.to();
        while (end > s.from() && doc.token(end - 1).kind() == Token.Kind.PUNCT && doc.quoteAt(end - 1) == null
                && ".;:".indexOf(doc.token(end - 1).text().charAt(0)) >= 0) {
            end--;
        }
        return end;
    }
}
