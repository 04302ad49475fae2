package io.quotegraph.quotations.text;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link QuoteText#pieces} (one pass over the characters) cuts and joins wordings exactly as the two regular
 * expressions it replaced did, on tricky cases and on random texts over the characters that matter (all 173,148 strings
 * of the PolNeAR dev split were compared once, when it was written: docs/ingestion-write-path.md, twelfth pass; the
 * test does not read the corpus, which lies outside the project).
 */
class QuoteTextPiecesTest {

    /** The regular expressions {@code QuoteText} used before, kept here as the reference. */
    private static final Pattern ELLIPSIS = Pattern.compile("\\[\\s*(?:…|\\.\\s?\\.\\s?\\.)\\s*]|…|\\.\\s?\\.\\s?\\.");
    private static final Pattern INNER_JOINER = Pattern.compile("(?<=[\\p{L}\\p{Nd}])['’ʼ\\-‐‑](?=[\\p{L}\\p{Nd}])");

    /** The words of each piece with words, as {@code QuoteText.of} read them before. */
    private static List<List<String>> wordsByRegex(String text) {
        List<List<String>> segments = new ArrayList<>();
        for (String piece : ELLIPSIS.split(text)) {
            String[] words = Words.of(INNER_JOINER.matcher(piece).replaceAll(""));
            if (words.length > 0) {
                segments.add(Arrays.asList(words));
            }
        }
        return segments;
    }

    private static List<List<String>> wordsInOnePass(String text) {
        List<List<String>> segments = new ArrayList<>();
        for (String piece : QuoteText.pieces(text)) {
            String[] words = Words.of(piece);
            if (words.length > 0) {
                segments.add(Arrays.asList(words));
            }
        }
        return segments;
    }

    private static void assertSameAsRegex(String text) {
        assertThat(wordsInOnePass(text)).as("pieces of [%s]", text).isEqualTo(wordsByRegex(text));
    }

    @Test
    void trickyWordingsArePiecedAsBefore() {
        Stream.of("", "...", "a...b", "a. . .b", "a.. .b", "a . . . b", "a.  .  .b", "[…] we will", "we [ ... ] will",
                "we [. . .] will", "we [ .. ] will", "we [...", "we ...]", "[[…]]", "….", "....", ".....", "a-b-c",
                "it’s", "cease-fire", "-a-", "a--b", "a-'b", "a-…b", "a…-b", "rock 'n' roll", "2-1", "x‐y‑z",
                "don\u02bct", "é-è", "a\u0301-b", "\ud835\udc00-\ud835\udc01", "\ud800-a", "a-\udc00", "a\t.\n.\r.b",
                "a.\u000b.\f.b", "a.\u00a0.\u00a0.b", "[\u2003…\u2003]", "Iran 's", "U.S.", "U.S...", "end.")
                .forEach(QuoteTextPiecesTest::assertSameAsRegex);
    }

    @Test
    void randomTextsArePiecedAsBefore() {
        String[] alphabet = {"a", "b", "Z", "é", "e\u0301", "1", "٣", "Ⅻ", "²", " ", "  ", "\t", "\n", "\u00a0", ".", ".",
                "…", "[", "]", "'", "’", "ʼ", "-", "‐", "‑", "—", "\"", "\ud835\udc00", "\ud800", "\udc00", "_", ","};
        Random random = new Random(20261207);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(14);
            for (int i = 0; i < length; i++) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            assertSameAsRegex(text.toString());
        }
    }
}
