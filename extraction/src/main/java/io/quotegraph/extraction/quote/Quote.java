package io.quotegraph.extraction.quote;

/**
 * A quotation: its marks included, as token indices [firstToken, lastToken] and character offsets [start, end).
 *
 * @param closed    false when the text never closes it (the quote then ends with its paragraph)
 * @param words     how many words it holds, to tell a quoted sentence from a scare-quoted word
 */
public record Quote(int firstToken, int lastToken, int start, int end, boolean closed, int words) {
}
