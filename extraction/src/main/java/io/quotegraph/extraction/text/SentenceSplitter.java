package io.quotegraph.extraction.text;

import io.quotegraph.extraction.lexicon.Lexicons;
import io.quotegraph.extraction.quote.Quote;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits each paragraph (a line) into sentences at ".", "?" or "!" followed by a capitalised word, a
 * digit or an opening mark, but not after an abbreviation ("Oct.", "Mr.") or an initial ("K.");
 * dotted abbreviations ("U.S.") are single tokens and never split. A sentence ending inside a quote's
 * closing mark ends after the mark. Overlong sentences are cut so that later per-sentence work stays linear.
 */
public final class SentenceSplitter {

    static final int MAX_TOKENS = 400;

    private final Lexicons lexicons;

    public SentenceSplitter(Lexicons lexicons) {
        this.lexicons = lexicons;
    }

    public List<Sentence> split(List<Token> tokens, int[] paragraph, List<Quote> quotes) {
        boolean[] closingMark = new boolean[tokens.size()];
        for (Quote q : quotes) {
            if (q.closed()) {
                closingMark[q.lastToken()] = true;
            }
        }
        List<Sentence> sentences = new ArrayList<>();
        int from = 0;
        for (int t = 0; t < tokens.size(); t++) {
            int end = t + 1;
            boolean boundary;
            if (end == tokens.size() || paragraph[end] != paragraph[t]) {
                boundary = true;
            } else if (isTerminal(tokens, t)) {
                if (closingMark[end]) {
                    end++;
                    t++;
                }
                boundary = end == tokens.size() || paragraph[end] != paragraph[t] || startsSentence(tokens.get(end));
            } else {
                boundary = end - from >= MAX_TOKENS;
            }
            if (boundary) {
                sentences.add(new Sentence(from, end));
                from = end;
            }
        }
        return sentences;
    }

    private boolean isTerminal(List<Token> tokens, int t) {
        Token tok = tokens.get(t);
        if (tok.isPunct('?') || tok.isPunct('!') || tok.isPunct('\u2026')) {
            return true;
        }
        if (!tok.isPunct('.') || t == 0) {
            return false;
        }
        Token prev = tokens.get(t - 1);
        boolean attached = prev.end() == tok.start();
        boolean initial = prev.text().length() == 1 && Character.isUpperCase(prev.text().charAt(0));
        return !(attached && (initial || lexicons.isAbbreviation(prev.text())));
    }

    private static boolean startsSentence(Token next) {
        char c = next.text().charAt(0);
        return Character.isUpperCase(c) || Character.isDigit(c) || "\"\u201C\u2018'(".indexOf(c) >= 0;
    }
}
