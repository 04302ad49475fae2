package io.quotegraph.extraction.text;

import io.quotegraph.extraction.lexicon.Lexicons;
import io.quotegraph.extraction.quote.Quote;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits each paragraph (a line) into sentences at ".", "?" or "!" followed by a capitalised word, a
 * digit or an opening mark, but not after an abbreviation ("Oct.", "Mr.") or an initial ("K.");
 * dotted abbreviations ("U.S.") are single tokens, and end a sentence only before a word that opens sentences
 * ("… in the U.S. He said …"). A sentence ending inside a quote's closing mark or a parenthesis ends after it.
 * Overlong sentences are cut so that later per-sentence work stays linear.
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
                if (end + 1 < tokens.size() && tokens.get(end).isPunct(')') && paragraph[end + 1] == paragraph[t]
                        && startsSentence(tokens.get(end + 1))) {
                    end++; // "(… in tears.) The leaders …": the parenthesis closes with its sentence
                    t++;
                }
                boundary = end == tokens.size() || paragraph[end] != paragraph[t] || startsSentence(tokens.get(end));
            } else if (endsWithAbbreviationDot(tokens.get(t)) && end < tokens.size() && opensSentence(tokens.get(end))) {
                boundary = true; // "… visit to the U.S. The talks …": a dotted abbreviation's dot also ends a sentence
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

    private static boolean endsWithAbbreviationDot(Token t) {
        return t.isWord() && t.text().length() > 2 && t.text().endsWith(".");
    }

    /** A capitalised word that begins sentences far more often than it continues a name: "The", "He", "But". */
    private boolean opensSentence(Token next) {
        return next.isCapitalized() && (SENTENCE_OPENERS.contains(next.lower()) || lexicons.isFunctionWord(next.text()));
    }

    private static final java.util.Set<String> SENTENCE_OPENERS = java.util.Set.of("the", "a", "an", "he", "she", "it",
            "they", "we", "i", "you", "his", "her", "their", "its", "our", "my", "it's", "that's", "there's");

    private static boolean startsSentence(Token next) {
        char c = next.text().charAt(0);
        return Character.isUpperCase(c) || Character.isDigit(c) || "\"\u201C\u2018'(".indexOf(c) >= 0;
    }
}
