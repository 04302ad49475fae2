package io.quotegraph.extraction.quote;

import io.quotegraph.extraction.text.Token;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds quotations in one linear pass over the tokens.
 * <p>Double marks (straight and curly) open and close by their shape (space before and a character after
 * opens; a character before closes), falling back on the open/closed state for a straight mark between spaces.
 * A quote left open at the end of a paragraph continues when the next paragraph opens with a mark (the
 * news convention for multi-paragraph quotes); otherwise it ends with its paragraph. A new opening mark
 * inside an open quote ends the unbalanced one there; a left mark shaped as a closer ("here,“ said") closes.
 * <p>Single marks count only outside double quotes and only as a pair within one paragraph, opener with
 * a space before and a letter after, closer with a letter or punctuation before and no letter after, so
 * apostrophes ("it’s", "the '90s", "countries'") are not mistaken for quotes.
 */
public final class QuoteFinder {

    /** A single-quoted phrase is short; limiting the search keeps the pass linear. */
    private static final int MAX_SINGLE_QUOTE_TOKENS = 60;

    public List<Quote> find(String text, List<Token> tokens, int[] paragraph) {
        List<Quote> quotes = new ArrayList<>();
        boolean[] inDouble = doubleQuotes(text, tokens, paragraph, quotes);
        singleQuotes(text, tokens, paragraph, inDouble, quotes);
        quotes.sort(Comparator.comparingInt(Quote::firstToken));
        return quotes;
    }

    private boolean[] doubleQuotes(String text, List<Token> tokens, int[] paragraph, List<Quote> out) {
        boolean[] inside = new boolean[tokens.size()];
        int open = -1;
        for (int t = 0; t < tokens.size(); t++) {
            Token tok = tokens.get(t);
            if (open >= 0 && t > 0 && paragraph[t] != paragraph[t - 1]) {
                if (isDoubleMark(tok) && opensShape(text, tok)) {
                    continue; // multi-paragraph quote: the new paragraph's mark re-opens the same quote
                }
                add(tokens, open, t - 1, false, out, inside);
                open = -1;
            }
            if (!isDoubleMark(tok)) {
                continue;
            }
            char c = tok.text().charAt(0);
            boolean opener = opensShape(text, tok);
            boolean closer = closesShape(text, tok);
            if (open < 0) {
                if (c == '\u201C' || opener || !closer) {
                    open = t;
                }
                // else: a stray closing mark with nothing open; tolerated and ignored
            } else if (c == '\u201C' && !closer || opener && !closer && c != '\u201D') {
                add(tokens, open, t - 1, false, out, inside);
                open = t;
            } else {
                add(tokens, open, t, true, out, inside);
                open = -1;
            }
        }
        if (open >= 0) {
            add(tokens, open, tokens.size() - 1, false, out, inside);
        }
        return inside;
    }

    private void singleQuotes(String text, List<Token> tokens, int[] paragraph, boolean[] inDouble, List<Quote> out) {
        int t = 0;
        while (t < tokens.size()) {
            Token tok = tokens.get(t);
            if (!inDouble[t] && isSingleMark(tok) && singleOpens(text, tok)) {
                int close = findSingleClose(text, tokens, paragraph, inDouble, t);
                if (close > 0) {
                    add(tokens, t, close, true, out, null);
                    t = close + 1;
                    continue;
                }
            }
            t++;
        }
    }

    private int findSingleClose(String text, List<Token> tokens, int[] paragraph, boolean[] inDouble, int open) {
        int limit = Math.min(tokens.size(), open + MAX_SINGLE_QUOTE_TOKENS);
        for (int k = open + 2; k < limit && paragraph[k] == paragraph[open] && !inDouble[k]; k++) {
            Token tok = tokens.get(k);
            if (isSingleMark(tok) && singleCloses(text, tok)) {
                return k;
            }
        }
        return -1;
    }

    private static void add(List<Token> tokens, int first, int last, boolean closed, List<Quote> out, boolean[] inside) {
        if (last <= first && !closed) {
            last = first;
        }
        int words = 0;
        for (int k = first; k <= last; k++) {
            if (tokens.get(k).isWord()) {
                words++;
            }
            if (inside != null) {
                inside[k] = true;
            }
        }
        out.add(new Quote(first, last, tokens.get(first).start(), tokens.get(last).end(), closed, words));
    }

    static boolean isDoubleMark(Token t) {
        if (t.kind() != Token.Kind.PUNCT) {
            return false;
        }
        if (t.text().equals("''")) {
            return true;
        }
        char c = t.text().charAt(0);
        return c == '"' || c == '\u201C' || c == '\u201D' || c == '\u201E' || c == '\u00AB' || c == '\u00BB';
    }

    static boolean isSingleMark(Token t) {
        if (t.kind() != Token.Kind.PUNCT || t.text().length() != 1) {
            return false;
        }
        char c = t.text().charAt(0);
        return c == '\'' || c == '\u2018' || c == '\u2019';
    }

    private static boolean opensShape(String text, Token t) {
        return isOpenContext(text, t.start() - 1) && t.end() < text.length() && !Character.isWhitespace(text.charAt(t.end()));
    }

    private static boolean closesShape(String text, Token t) {
        if (t.start() == 0 || Character.isWhitespace(text.charAt(t.start() - 1))) {
            return false;
        }
        return t.end() >= text.length() || !Character.isLetterOrDigit(text.charAt(t.end()));
    }

    private static boolean singleOpens(String text, Token t) {
        return isOpenContext(text, t.start() - 1) && t.end() < text.length() && Character.isLetter(text.charAt(t.end()));
    }

    private static boolean singleCloses(String text, Token t) {
        if (t.start() == 0) {
            return false;
        }
        char before = text.charAt(t.start() - 1);
        boolean afterWord = Character.isLetterOrDigit(before) || ".,!?".indexOf(before) >= 0;
        return afterWord && (t.end() >= text.length() || !Character.isLetterOrDigit(text.charAt(t.end())));
    }

    private static boolean isOpenContext(String text, int i) {
        if (i < 0) {
            return true;
        }
        char c = text.charAt(i);
        return Character.isWhitespace(c) || "([{\u2014\u2013-/:\"\u201C\u2018".indexOf(c) >= 0;
    }
}
