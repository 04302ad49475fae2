package io.quotegraph.quotations.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Words for comparing texts: runs of letters and digits, lower-cased and accent-folded, so that punctuation, quote
 * styles (curly or straight), dashes, case and line breaks do not matter.
 * <p>
 * Stored MinHash signatures and quotation buckets are made of these words, so the definition is fixed: the text in
 * NFD, combining marks removed, lower-cased ({@link Locale#ROOT}), split at every character that is not a letter or a
 * decimal digit ({@link #ofAnyText}). Most news text is ASCII letters and digits between punctuation, spaces and
 * symbols; such a text is split in one pass over its characters with the same result, and any other text (accented
 * or non-Latin letters, marks, surrogates) takes the general path.
 */
public final class Words {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{Nd}]+");
    private static final String[] NONE = new String[0];

    private Words() {
    }

    public static String[] of(String text) {
        List<String> words = new ArrayList<>();
        int wordStart = -1;
        boolean lowerCase = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
                if (wordStart < 0) {
                    wordStart = i;
                    lowerCase = true;
                }
                lowerCase &= c > 'Z' || c < 'A';
            } else if (c < 0x80 || isSeparatorInEveryForm(c)) {
                if (wordStart >= 0) {
                    words.add(word(text, wordStart, i, lowerCase));
                    wordStart = -1;
                }
            } else {
                return ofAnyText(text);
            }
        }
        if (wordStart >= 0) {
            words.add(word(text, wordStart, text.length(), lowerCase));
        }
        return words.toArray(NONE);
    }

    private static String word(String text, int start, int end, boolean lowerCase) {
        String word = text.substring(start, end);
        return lowerCase ? word : word.toLowerCase(Locale.ROOT);
    }

    /**
     * Whether a character outside ASCII is a separator that stays one (or becomes other separators and marks) in NFD:
     * spaces, punctuation, symbols, controls and format characters. Letters, digits, marks and surrogates are not.
     */
    private static boolean isSeparatorInEveryForm(char c) {
        return switch (Character.getType(c)) {
            case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.CONTROL, Character.FORMAT, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.CONNECTOR_PUNCTUATION, Character.OTHER_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION, Character.MATH_SYMBOL,
                    Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    /** The definition, for any text. */
    static String[] ofAnyText(String text) {
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        return Arrays.stream(SEPARATORS.split(folded)).filter(w -> !w.isEmpty()).toArray(String[]::new);
    }
}
