package io.quotegraph.extraction.speaker;

import io.quotegraph.extraction.lexicon.Lexicons;
import io.quotegraph.extraction.text.Document;
import io.quotegraph.extraction.text.Token;

import java.util.Set;

/**
 * Delimits the noun phrase that may name a speaker next to a cue: to its left ("U.S. Department of State
 * spokesman Matthew Miller told", "Miller also said") or to its right ("said Miller, the spokesman").
 * A phrase is built from capitalised words, articles, "of"/"for", and lowercase words that the lexicons know
 * as titles, title modifiers, organisation heads or group nouns; anything else ends it. Windows are bounded,
 * so the cost per cue is constant.
 */
public final class SpeakerPhraseFinder {

    private static final int MAX_PHRASE = 15;
    private static final int MAX_AUXILIARIES = 3;
    private static final int MAX_PAREN = 10;
    private static final Set<String> SUBJECT_PRONOUNS = Set.of("he", "she", "they", "it", "we", "i");
    private static final int MAX_DESCRIPTOR = 4;
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "his", "her", "their", "its", "our", "one", "another");
    /** Words that end a described speaker: relative pronouns and prepositions ("a person close to …", "a source who …"). */
    private static final Set<String> STOPS = Set.of("who", "whom", "whose", "which", "that", "to", "in", "at", "on", "with",
            "by", "from", "about", "during", "after", "before", "for", "of", "and", "or", "but");
    private static final Set<String> CONNECTORS = Set.of("the", "a", "an", "of", "for", "de", "van", "von", "bin", "al");

    private final Lexicons lexicons;

    public SpeakerPhraseFinder(Lexicons lexicons) {
        this.lexicons = lexicons;
    }

    /**
     * The phrase ending just before the cue at {@code cue} (auxiliaries like "also", "has" skipped),
     * not reaching before {@code limit}.
     * @return {from, to} token indices, or null
     */
    public int[] left(Document doc, int cue, int limit) {
        int j = cue - 1;
        int skipped = 0;
        while (j >= limit && skipped < MAX_AUXILIARIES && doc.token(j).isWord() && lexicons.isAuxiliary(doc.token(j).text())) {
            j--;
            skipped++;
        }
        if (j > limit && doc.token(j).isPunct(',')) {
            return appositive(doc, j, limit);
        }
        int end = j + 1;
        if (j >= limit && doc.token(j).isWord() && SUBJECT_PRONOUNS.contains(doc.token(j).lower())) {
            return new int[] {j, end};
        }
        if (j >= limit && doc.token(j).isPunct(')')) {
            int open = j - 1;
            while (open >= limit && open > j - MAX_PAREN && !doc.token(open).isPunct('(')) {
                open--;
            }
            if (open < limit || !doc.token(open).isPunct('(')) {
                return null;
            }
            j = open - 1;
        }
        while (j >= limit && end - j <= MAX_PHRASE && isPhraseToken(doc, j)) {
            j--;
        }
        int determiner = determinerBefore(doc, j, limit);
        int start = skipLeadingFunctionWords(doc, determiner >= 0 ? determiner : j + 1, end);
        return start < end ? new int[] {start, end} : null;
    }

    /**
     * Lets unknown lowercase words into the phrase when an article or possessive determiner opens it within a few
     * words ("the announcer", "his friend Mahamat Saleh Oumar"): the determiner marks where a noun phrase begins.
     * @return the determiner's index, or -1
     */
    private int determinerBefore(Document doc, int j, int limit) {
        for (int d = j; d >= limit && d > j - MAX_DESCRIPTOR; d--) {
            Token t = doc.token(d);
            if (!t.isWord() || doc.quoteAt(d) != null) {
                return -1;
            }
            if (DETERMINERS.contains(t.lower())) {
                return d;
            }
            if (t.isCapitalized() || lexicons.isFunctionWord(t.text()) || lexicons.isAuxiliary(t.text()) || lexicons.isCueVerb(t.text())) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * "Matthew Miller, the State Department spokesman, said" / "Jane Roe, Acme's director of sales, said" /
     * "John Doe, 70, said": a name, then a description in commas.
     */
    private int[] appositive(Document doc, int comma, int limit) {
        int j = comma - 1;
        while (j >= limit && comma - j <= MAX_PHRASE && (isPhraseToken(doc, j) || isPlainWord(doc.token(j))
                || doc.token(j).isWord() && STOPS.contains(doc.token(j).lower()))) {
            j--;
        }
        int roleStart = j + 1;
        if (roleStart >= comma || j <= limit || !doc.token(j).isPunct(',')) {
            return null;
        }
        int k = j - 1;
        while (k >= limit && j - k <= 5 && (doc.token(k).isCapitalized() || isAttachedDot(doc, k))) {
            k--;
        }
        int start = skipLeadingFunctionWords(doc, k + 1, j);
        return start < j ? new int[] {start, comma} : null;
    }

    /**
     * The phrase starting at {@code from} ("said Miller", "according to the ministry"), with an appositive
     * ", the spokesman" or a parenthetical kept, not reaching {@code limit}.
     */
    public int[] right(Document doc, int from, int limit) {
        int j = from;
        // after a determiner, plain words describe the speaker: "said one former party aide", "said a person close"
        boolean described = from < limit && DETERMINERS.contains(doc.token(from).lower());
        while (j < limit && j - from < MAX_PHRASE && (isPhraseToken(doc, j) || described && isPlainWord(doc.token(j)))) {
            j++;
        }
        if (j == from || CONNECTORS.contains(doc.token(from).lower()) && !described) {
            return null; // "said of Trump's campaign": a prepositional phrase, not a speaker
        }
        if (j + 1 < limit && (doc.token(j).isPunct('(') || doc.token(j).isPunct(',') && isArticle(doc.token(j + 1)))) {
            int k = j + 1;
            while (k < limit && k - j <= MAX_PAREN && isPhraseToken(doc, k)) {
                k++;
            }
            if (doc.token(j).isPunct('(') && k < limit && doc.token(k).isPunct(')')) {
                j = k + 1;
            } else if (doc.token(j).isPunct(',') && k > j + 2 && (k == limit || !doc.token(k).isWord())) {
                j = k;
            }
        }
        while (j > from && doc.token(j - 1).isWord() && CONNECTORS.contains(doc.token(j - 1).lower())) {
            j--;
        }
        return new int[] {from, j};
    }

    private boolean isPhraseToken(Document doc, int i) {
        if (doc.quoteAt(i) != null) {
            return false;
        }
        Token t = doc.token(i);
        if (t.kind() == Token.Kind.POSSESSIVE) {
            return i > 0 && doc.token(i - 1).isCapitalized();
        }
        if (isAttachedDot(doc, i)) {
            return true;
        }
        if (!t.isWord()) {
            return false;
        }
        if (t.isCapitalized()) {
            return true;
        }
        String w = t.text();
        return CONNECTORS.contains(t.lower()) || DETERMINERS.contains(t.lower()) || lexicons.isTitle(w) || lexicons.isTitleModifier(w)
                || lexicons.isOrgHead(w) || lexicons.isGroupNoun(w);
    }

    /**
     * The subject of a participle cue ("Sanders hit back, saying …", "Weaver, asked about it, telling reporters …"):
     * the noun phrase opening the sentence, when the participle follows a comma.
     * @return {from, to} token indices, or null
     */
    public int[] participleSubject(Document doc, int cue, int sentenceFrom) {
        if (cue - 1 <= sentenceFrom || !doc.token(cue - 1).isPunct(',') || !doc.token(cue).lower().endsWith("ing")) {
            return null;
        }
        int[] subject = right(doc, sentenceFrom, cue - 1);
        return subject == null || subject[1] >= cue - 1 ? null : subject;
    }

    /** A lowercase content word: not a function word, auxiliary, cue verb or preposition. */
    private boolean isPlainWord(Token t) {
        return t.isWord() && !t.isCapitalized() && !STOPS.contains(t.lower()) && !lexicons.isFunctionWord(t.text())
                && !lexicons.isAuxiliary(t.text()) && !lexicons.isCueVerb(t.text());
    }

    /** The dot of an abbreviation ("Mr.", "Sen."), not a sentence end. */
    private boolean isAttachedDot(Document doc, int i) {
        return i > 0 && doc.token(i).isPunct('.') && doc.token(i - 1).end() == doc.token(i).start()
                && lexicons.isAbbreviation(doc.token(i - 1).text());
    }

    private int skipLeadingFunctionWords(Document doc, int start, int end) {
        while (start < end && doc.token(start).isWord() && !isArticle(doc.token(start))
                && (lexicons.isFunctionWord(doc.token(start).text()) || CONNECTORS.contains(doc.token(start).lower()))) {
            start++;
        }
        return start;
    }

    private static boolean isArticle(Token t) {
        return DETERMINERS.contains(t.lower());
    }
}
