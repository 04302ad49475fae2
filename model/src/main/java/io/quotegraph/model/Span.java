package io.quotegraph.model;

/** A piece of an article's stored text: [start, end) in UTF-16 code units (Java String indices). */
public record Span(int start, int end, String text) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("invalid span [" + start + ", " + end + ")");
        }
    }

    public static Span of(String text, int start, int end) {
        return new Span(start, end, text.substring(start, end));
    }

    public int length() {
        return end - start;
    }
}
