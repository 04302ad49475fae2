package io.quotegraph.quotations.text;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class WordsTest {

    @Test
    void wordsAreLowerCasedAccentFoldedRunsOfLettersAndDigits() {
        assertThat(Words.of("“It’s TIME,” said Erdoğan — in 2024…")).containsExactly("it", "s", "time", "said", "erdogan",
                "in", "2024");
        assertThat(Words.of("Café au lait, naïve résumé")).containsExactly("cafe", "au", "lait", "naive", "resume");
        assertThat(Words.of(" \n\t—“”… ")).isEmpty();
    }

    /** Each character of the Basic Multilingual Plane between words, in both cases: the one pass agrees with the definition. */
    @Test
    void everyCharacterSplitsOrJoinsAsTheDefinitionSays() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String ch = String.valueOf((char) c);
            for (String text : new String[] {"Ab" + ch + "cD", ch, "x " + ch + ch + " 9"}) {
                assertThat(Words.of(text)).as("U+%04X in %s", c, text).containsExactly(Words.ofAnyText(text));
            }
        }
    }

    @Test
    void mixedTextsAgreeWithTheDefinition() {
        String[] pieces = {"a", "Z", "q", "7", " ", "\n", ",", "'", "\"", "-", "“", "”", "’", "—", "…", "\u00A0",
                "\u00AD", "\u200B", "é", "e\u0301", "\u0301", "Σ", "ς", "İ", "ß", "ﬁ", "٣", "€", "😀", "Ω", "\u2126", "\u212A"};
        Random random = new Random(20261207);
        for (int round = 0; round < 100_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(12); n >= 0; n--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            assertThat(Words.of(text.toString())).as(text.toString()).containsExactly(Words.ofAnyText(text.toString()));
        }
    }
}
