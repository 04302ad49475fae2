package io.quotegraph.statements.common;

import io.quotegraph.extraction.entity.EntityNames;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The word tokens statements are searched by: lower-cased, diacritics removed, curly and straight quotes unified,
 * apostrophes inside words dropped ("it’s" = "it's" = "its"), every other non-letter/digit a separator.
 * The same function normalises stored text and user queries, so a query word matches exactly the stored token;
 * the result contains only [\p{L}\p{N}] characters and can never act as a query operator or regex.
 */
public final class TextTokens {

    private TextTokens() {
    }

    /** The distinct tokens of the text, in order of first occurrence. */
    public static List<String> tokens(String text) {
        return new ArrayList<>(new LinkedHashSet<>(words(text)));
    }

    /** Every token of the text, in order, repeats included: the same folding as entity names. */
    public static List<String> words(String text) {
        return EntityNames.words(text);
    }
}
