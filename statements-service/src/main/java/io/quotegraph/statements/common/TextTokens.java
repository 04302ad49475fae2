package io.quotegraph.statements.common;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The word tokens statements are searched by: lower-cased, diacritics removed, curly and straight quotes unified,
 * apostrophes inside words dropped ("it’s" = "it's" = "its"), every other non-letter/digit a separator.
 * The same function normalises stored text and user queries, so a query word matches exactly the stored token;
 * the result contains only [\p{L}\p{N}] characters and can never act as a query operator or regex.
 */
public final class TextTokens {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['‘’ʼ`´′]");
    private static final Pattern ABBREVIATION_DOT = Pattern.compile("(?<=\\b\\p{L})\\.(?=\\p{L}\\b)");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TextTokens() {
    }

    /** The distinct tokens of the text, in order of first occurrence. */
    public static List<String> tokens(String text) {
        return new ArrayList<>(new LinkedHashSet<>(words(text)));
    }

    /** Every token of the text, in order, repeats included. */
    public static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD);
        folded = MARKS.matcher(folded).replaceAll("");
        folded = folded.toLowerCase(Locale.ROOT);
        folded = APOSTROPHES.matcher(folded).replaceAll("");
        // "U.S." → "us": dots between single letters belong to an abbreviation, not a word boundary
        folded = ABBREVIATION_DOT.matcher(folded).replaceAll("");
        List<String> words = new ArrayList<>();
        for (String token : SEPARATORS.split(folded)) {
            if (!token.isEmpty()) {
                words.add(token);
            }
        }
        return words;
    }
}
