package io.quotegraph.extraction.text;

import java.util.Locale;

/**
 * A word, punctuation mark or possessive ending ("'s") with its offsets in the article text.
 */
public record Token(int start, int end, String text, Kind kind) {

    public enum Kind { WORD, PUNCT, POSSESSIVE }

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
        return text.toLowerCase(Locale.ROOT);
    }

    public boolean is(String word) {
        return text.equalsIgnoreCase(word);
    }
}
