package io.quotegraph.extraction.text;

import java.util.Locale;
import java.util.Objects;

/**
 * A word, punctuation mark or possessive ending ("'s") with its offsets in the article text.
 * A value class rather than a record so that its lowercase form is computed once: the rules ask for it many times
 * per token, and lowercasing was the engine's largest single cost.
 */
public final class Token {

    public enum Kind { WORD, PUNCT, POSSESSIVE }

    private final int start;
    private final int end;
    private final String text;
    private final Kind kind;
    private String lower;

    public Token(int start, int end, String text, Kind kind) {
        this.start = start;
        this.end = end;
        this.text = text;
        this.kind = kind;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    public String text() {
        return text;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isWord() {
        return kind == Kind.WORD;
    }

    public boolean isPunct(char c) {
        return kind == Kind.PUNCT && text.charAt(0) == c;
    }

    public boolean isCapitalized() {
        return kind == Kind.WORD && Character.isUpperCase(text.charAt(0));
    }

    public String lower() {
        String l = lower;
        if (l == null) {
            l = text.toLowerCase(Locale.ROOT);
            lower = l;
        }
        return l;
    }

    public boolean is(String word) {
        return text.equalsIgnoreCase(word);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Token t && start == t.start && end == t.end && text.equals(t.text) && kind == t.kind;
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, end, text, kind);
    }

    @Override
    public String toString() {
        return "Token[start=" + start + ", end=" + end + ", text=" + text + ", kind=" + kind + "]";
    }
}
