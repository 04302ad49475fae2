package io.quotegraph.extraction.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into words and single punctuation marks in one linear pass (no regular expressions,
 * so no backtracking on hostile input). Apostrophes inside words stay in the word ("it’s"), except a
 * possessive "'s", which becomes its own token so that "Kim’s" can be read as the name "Kim".
 * No-break and other Unicode spaces separate tokens like spaces. Square brackets are dropped: in scraped news they are debris ("Karabakh, ] a spokesman"), and
 * ignoring them keeps attribution patterns intact; offsets still point into the original text.
 */
public final class Tokenizer {

    public List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>(text.length() / 5 + 1);
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '[' || c == ']' || Character.isISOControl(c)) {
                i++;
            } else if (Character.isLetterOrDigit(c)) {
                i = word(text, i, tokens);
            } else if (c == '\'' && i + 2 < n && text.charAt(i + 1) == '\'' && text.charAt(i + 2) == '\''
                    && i > 0 && !Character.isWhitespace(text.charAt(i - 1))) {
                // a single quote closing with the double one: ''… 'Kosovo is a special case,''' Mr. Putin said
                tokens.add(new Token(i, i + 1, "'", Token.Kind.PUNCT));
                tokens.add(new Token(i + 1, i + 3, "''", Token.Kind.PUNCT));
                i += 3;
            } else if (c == '\'' && i + 1 < n && text.charAt(i + 1) == '\'') {
                // two apostrophes stand for a double quotation mark in some wire copy: ''It's over,'' he said
                tokens.add(new Token(i, i + 2, "''", Token.Kind.PUNCT));
                i += 2;
            } else {
                tokens.add(new Token(i, i + 1, String.valueOf(c), Token.Kind.PUNCT));
                i++;
            }
        }
        return tokens;
    }

    private int word(String text, int start, List<Token> tokens) {
        int n = text.length();
        int j = start + 1;
        while (j < n) {
            char d = text.charAt(j);
            if (Character.isLetterOrDigit(d)) {
                j++;
            } else if (isApostrophe(d) && j + 1 < n && Character.isLetter(text.charAt(j + 1))) {
                if (isPossessiveAt(text, j)) {
                    break;
                }
                j++;
            } else if (isJoiner(d) && j + 1 < n && Character.isLetterOrDigit(text.charAt(j + 1))
                    && (d != ',' || Character.isDigit(text.charAt(j - 1)) && Character.isDigit(text.charAt(j + 1)))
                    && (d != '.' || !isMissingSpaceAfterSentence(text, start, j))) {
                j++;
            } else {
                break;
            }
        }
        if (j < n && text.charAt(j) == '.' && isDottedAbbreviation(text, start, j)) {
            j++;
        }
        tokens.add(new Token(start, j, text.substring(start, j), Token.Kind.WORD));
        if (j < n && isPossessiveAt(text, j)) {
            tokens.add(new Token(j, j + 2, text.substring(j, j + 2), Token.Kind.POSSESSIVE));
            return j + 2;
        }
        return j;
    }

    /**
     * "… Trump said.Trump claimed …": a dot between a word of three or more letters and a capital is a sentence end
     * with its space lost in scraping, not a joined token ("U.S", "fivethirtyeight.com" stay joined).
     */
    private static boolean isMissingSpaceAfterSentence(String text, int start, int dot) {
        int segment = dot - start;
        for (int k = dot - 1; k >= start; k--) {
            if (isJoiner(text.charAt(k))) {
                segment = dot - k - 1;
                break;
            }
        }
        return segment >= 3 && Character.isUpperCase(text.charAt(dot + 1)) && Character.isLowerCase(text.charAt(dot - 1));
    }

    private static boolean isJoiner(char c) {
        return c == '.' || c == '-' || c == '\u2011' || c == ',' || c == '&';
    }

    static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019';
    }

    private static boolean isPossessiveAt(String text, int j) {
        return j + 1 < text.length() && isApostrophe(text.charAt(j))
                && (text.charAt(j + 1) == 's' || text.charAt(j + 1) == 'S')
                && (j + 2 == text.length() || !Character.isLetterOrDigit(text.charAt(j + 2)))
                && j > 0 && Character.isLetter(text.charAt(j - 1));
    }

    /** "U.S", "U.N", "e.g": short letter groups joined by dots take their final dot too. */
    private static boolean isDottedAbbreviation(String text, int start, int end) {
        boolean sawDot = false;
        int group = 0;
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            if (c == '.') {
                sawDot = true;
                group = 0;
            } else if (Character.isLetter(c) && ++group <= 2) {
                continue;
            } else {
                return false;
            }
        }
        return sawDot;
    }
}
