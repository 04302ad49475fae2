package io.quotegraph.extraction.attribution;

import io.quotegraph.extraction.speaker.Mention;
import io.quotegraph.extraction.speaker.MentionParser;
import io.quotegraph.extraction.text.Document;
import io.quotegraph.extraction.text.Sentence;
import io.quotegraph.extraction.text.Token;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Attributes a paragraph that opens with a speaker's name and a colon, the layout of headlines
 * ("Blinken: Azerbaijan's military actions run counter to …") and of interview transcripts ("TAPPER: Do you think …").
 * The content is the rest of the paragraph; the colon is the cue. Quoted text after the colon is left to the
 * direct-quote rules.
 */
final class LabelAttributor {

    /** A label is a name, not a clause: "CNN's Jake Tapper", "Senate Majority Leader Mitch McConnell". */
    private static final int MAX_LABEL_TOKENS = 6;

    /** Editorial labels a newsroom puts before a line: what follows is no one's statement. */
    private static final Set<String> EDITORIAL_LABELS = Set.of("correction", "corrections", "contributing", "update",
            "updated", "editor's note", "editor’s note", "note", "video", "photo", "photos", "watch", "twitter",
            "follow", "the latest", "latest", "clarification", "disclosure", "read more");
    /** A content with this many commas between capitalised names is a roster ("Iowa: Ann Lee, Bo Ray, …"). */
    private static final int MIN_ROSTER_COMMAS = 4;

    private final MentionParser mentions;
    private final ContentClassifier classifier = new ContentClassifier();

    LabelAttributor(MentionParser mentions) {
        this.mentions = mentions;
    }

    void attribute(Document doc, List<Attribution> out) {
        int previousParagraph = -1;
        for (Sentence s : doc.sentences()) {
            int paragraph = doc.paragraph(s.from());
            if (paragraph == previousParagraph) {
                continue;
            }
            previousParagraph = paragraph;
            Attribution a = label(doc, s, paragraph);
            if (a != null) {
                out.add(a);
            }
        }
    }

    private Attribution label(Document doc, Sentence s, int paragraph) {
        int colon = -1;
        for (int k = s.from(); k < s.to() && k <= s.from() + MAX_LABEL_TOKENS; k++) {
            Token t = doc.token(k);
            if (t.isPunct(':')) {
                colon = k;
                break;
            }
            if (!t.isWord() && t.kind() != Token.Kind.POSSESSIVE && !t.isPunct('.') || doc.quoteAt(k) != null) {
                return null;
            }
        }
        if (colon <= s.from() || colon + 1 >= doc.size() || doc.paragraph(colon + 1) != paragraph
                || doc.quoteAt(colon + 1) != null || doc.isExcluded(s.from())) {
            return null;
        }
        String label = doc.text().substring(doc.token(s.from()).start(), doc.token(colon - 1).end()).toLowerCase(Locale.ROOT);
        if (EDITORIAL_LABELS.contains(label)) {
            return null;
        }
        Mention m = mentions.parse(doc, s.from(), colon);
        if (m == null || m.form() != Mention.Form.NAME && !isUpperCaseLabel(doc, s.from(), colon)) {
            return null;
        }
        int end = colon + 1;
        while (end < doc.size() && doc.paragraph(end) == paragraph) {
            end++;
        }
        while (end > colon + 1 && doc.token(end - 1).isPunct('.')) {
            end--;
        }
        ContentClassifier.Content c = isRoster(doc, colon + 1, end) ? null : classifier.classify(doc, colon + 1, end, m);
        if (c == null) {
            return null;
        }
        return new Attribution(c.kind(), c.start(), c.end(), colon, colon + 1, m, s, s.from(), colon + 1);
    }

    /** [from, to) lists names: many commas, and every word after a comma capitalised. */
    private static boolean isRoster(Document doc, int from, int to) {
        int commas = 0;
        for (int k = from; k + 1 < to; k++) {
            if (doc.token(k).isPunct(',')) {
                if (!doc.token(k + 1).isCapitalized()) {
                    return false;
                }
                commas++;
            }
        }
        return commas >= MIN_ROSTER_COMMAS;
    }

    /** "TAPPER", "Q": a transcript's speaker label in capitals. */
    private static boolean isUpperCaseLabel(Document doc, int from, int to) {
        for (int k = from; k < to; k++) {
            String w = doc.token(k).text();
            if (!w.equals(w.toUpperCase(java.util.Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }
}
