package io.quotegraph.extraction.text;

import io.quotegraph.extraction.lexicon.Lexicons;

import java.util.List;

/**
 * Marks paragraphs that are page furniture rather than article prose: a link list (a "Related news" /
 * "Read more" line and the short headline lines or bullets after it) and bylines / credit lines.
 * Headlines in a link list often look like statements ("Blinken urges ..."), so they must be skipped.
 */
public final class Boilerplate {

    /** A headline is short; a longer unbulleted paragraph means the article text resumes. */
    private static final int MAX_LINK_WORDS = 25;
    private static final int MAX_BYLINE_WORDS = 8;

    private final Lexicons lexicons;

    public Boilerplate(Lexicons lexicons) {
        this.lexicons = lexicons;
    }

    /** @return per token, whether it lies in a boilerplate paragraph */
    public boolean[] mark(String text, List<Token> tokens, int[] paragraph) {
        boolean[] excluded = new boolean[tokens.size()];
        boolean inLinkList = false;
        int p = 0;
        while (p < tokens.size()) {
            int q = p;
            int words = 0;
            while (q < tokens.size() && paragraph[q] == paragraph[p]) {
                if (tokens.get(q).isWord()) {
                    words++;
                }
                q++;
            }
            String line = text.substring(tokens.get(p).start(), tokens.get(q - 1).end());
            boolean header = lexicons.isLinkListHeader(line);
            if (header) {
                inLinkList = true;
            } else if (inLinkList && !(isBullet(tokens.get(p)) || words <= MAX_LINK_WORDS)) {
                inLinkList = false;
            }
            if (inLinkList || isCredit(tokens, p, q, words)) {
                for (int k = p; k < q; k++) {
                    excluded[k] = true;
                }
            }
            p = q;
        }
        return excluded;
    }

    private static boolean isBullet(Token t) {
        return t.kind() == Token.Kind.PUNCT && "-\u2022*\u2013\u2014\u00B7>".indexOf(t.text().charAt(0)) >= 0;
    }

    private static boolean isCredit(List<Token> tokens, int from, int to, int words) {
        int k = tokens.get(from).isPunct('(') ? from + 1 : from;
        if (k + 1 >= to) {
            return false;
        }
        Token first = tokens.get(k);
        Token second = tokens.get(k + 1);
        if (first.is("By") && first.isCapitalized() && second.isCapitalized() && words <= MAX_BYLINE_WORDS) {
            return true;
        }
        return second.is("by") && (first.is("Reporting") || first.is("Editing") || first.is("Writing")
                || first.is("Additional"));
    }
}
