package io.quotegraph.extraction.text;

import io.quotegraph.extraction.lexicon.Lexicons;
import io.quotegraph.extraction.quote.Quote;
import io.quotegraph.extraction.quote.QuoteFinder;
import io.quotegraph.model.Span;

import java.util.Arrays;
import java.util.List;

/**
 * One article's text analysed once for all rules: tokens, paragraphs, quotes, sentences and boilerplate,
 * with per-token lookups so that the attributors never rescan the text.
 */
public final class Document {

    private final String text;
    private final List<Token> tokens;
    private final int[] paragraph;
    private final List<Quote> quotes;
    private final int[] quoteOf;
    private final List<Sentence> sentences;
    private final int[] sentenceOf;
    private final boolean[] excluded;

    public Document(String text, Lexicons lexicons) {
        this.text = text;
        this.tokens = new Tokenizer().tokenize(text);
        this.paragraph = paragraphs(text, tokens);
        this.quotes = new QuoteFinder().find(text, tokens, paragraph);
        this.quoteOf = new int[tokens.size()];
        Arrays.fill(quoteOf, -1);
        for (int i = 0; i < quotes.size(); i++) {
            Quote q = quotes.get(i);
            for (int k = q.firstToken(); k <= q.lastToken(); k++) {
                quoteOf[k] = i;
            }
        }
        markPluralPossessives(text, tokens, quoteOf);
        this.sentences = new SentenceSplitter(lexicons).split(tokens, paragraph, quotes);
        this.sentenceOf = new int[tokens.size()];
        for (int i = 0; i < sentences.size(); i++) {
            Sentence s = sentences.get(i);
            Arrays.fill(sentenceOf, s.from(), s.to(), i);
        }
        this.excluded = new Boilerplate(lexicons).mark(text, tokens, paragraph);
    }

    /**
     * "Sanders’ campaign manager", "the voters' choice": an apostrophe right after a word ending in "s" and before a
     * space, that bounds no quotation, is the plural possessive, so the phrase rules read through it as through "’s".
     */
    private static void markPluralPossessives(String text, List<Token> tokens, int[] quoteOf) {
        for (int t = 1; t + 1 < tokens.size(); t++) {
            Token tok = tokens.get(t);
            Token before = tokens.get(t - 1);
            if (quoteOf[t] >= 0 || tok.kind() != Token.Kind.PUNCT || tok.text().length() != 1
                    || !Tokenizer.isApostrophe(tok.text().charAt(0)) || !before.isWord() || before.end() != tok.start()
                    || Character.toLowerCase(before.text().charAt(before.text().length() - 1)) != 's'
                    || tok.end() >= text.length() || text.charAt(tok.end()) != ' ' || !tokens.get(t + 1).isWord()) {
                continue;
            }
            tokens.set(t, new Token(tok.start(), tok.end(), tok.text(), Token.Kind.POSSESSIVE));
        }
    }

    private static int[] paragraphs(String text, List<Token> tokens) {
        int[] para = new int[tokens.size()];
        int current = 0;
        for (int t = 1; t < tokens.size(); t++) {
            for (int c = tokens.get(t - 1).end(); c < tokens.get(t).start(); c++) {
                if (text.charAt(c) == '\n') {
                    current++;
                    break;
                }
            }
            para[t] = current;
        }
        return para;
    }

    public String text() {
        return text;
    }

    public int size() {
        return tokens.size();
    }

    public Token token(int i) {
        return tokens.get(i);
    }

    public int paragraph(int token) {
        return paragraph[token];
    }

    public List<Quote> quotes() {
        return quotes;
    }

    /** The quote covering the token (marks included), or null. */
    public Quote quoteAt(int token) {
        return quoteOf[token] < 0 ? null : quotes.get(quoteOf[token]);
    }

    public List<Sentence> sentences() {
        return sentences;
    }

    public Sentence sentenceOf(int token) {
        return sentences.get(sentenceOf[token]);
    }

    public boolean isExcluded(int token) {
        return excluded[token];
    }

    /** The index of the token starting at or containing character {@code offset} (the next token if between tokens). */
    public int tokenAt(int offset) {
        int lo = 0;
        int hi = tokens.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tokens.get(mid).end() <= offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The span from the start of token {@code from} to the end of token {@code toInclusive}. */
    public Span span(int from, int toInclusive) {
        return Span.of(text, tokens.get(from).start(), tokens.get(toInclusive).end());
    }
}
