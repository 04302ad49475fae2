package io.quotegraph.quotations.text;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Words for comparing texts: runs of letters and digits, lower-cased and accent-folded, so that punctuation, quote
 * styles (curly or straight), dashes, case and line breaks do not matter.
 */
public final class Words {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{Nd}]+");

    private Words() {
    }

    public static String[] of(String text) {
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        return Arrays.stream(SEPARATORS.split(folded)).filter(w -> !w.isEmpty()).toArray(String[]::new);
    }
}
