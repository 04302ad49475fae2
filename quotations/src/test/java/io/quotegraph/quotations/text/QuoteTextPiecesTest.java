package io.quotegraph.quotations.text;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link QuoteText#pieces} (one pass over the characters) cuts and joins wordings exactly as the two regular
 * expressions it replaced did, on tricky cases, on random texts over the characters that matter and on the wordings of
 * the evaluation corpus.
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

    /** Every string literal of a JSON text, unescaped. */
    private static List<String> jsonStrings(String json) {
        List<String> strings = new ArrayList<>();
        StringBuilder current = null;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (current == null) {
                if (c == '"') {
                    current = new StringBuilder();
                }
            } else if (c == '"') {
                strings.add(current.toString());
                current = null;
            } else if (c == '\\') {
                char escaped = json.charAt(++i);
                switch (escaped) {
                    case 'n' -> current.append('\n');
                    case 't' -> current.append('\t');
                    case 'r' -> current.append('\r');
                    case 'b' -> current.append('\b');
                    case 'f' -> current.append('\f');
                    case 'u' -> {
                        current.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> current.append(escaped);
                }
            } else {
                current.append(c);
            }
        }
        return strings;
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

    @Test
    void theEvaluationCorpusWordingsArePiecedAsBefore() throws IOException {
        // shared/ lies beside the checkout (for the developers and CI), or beside a folder of checkouts
        Path corpus = null;
        for (Path folder = Path.of("").toAbsolutePath(); folder != null && corpus == null; folder = folder.getParent()) {
            Path candidate = folder.resolve("shared/eval/polnear-dev.jsonl");
            corpus = Files.isRegularFile(candidate) ? candidate : null;
        }
        assertThat(corpus).as("the evaluation corpus").isNotNull();
        int compared = 0;
        for (String text : jsonStrings(Files.readString(corpus))) {
            assertSameAsRegex(text);
            compared++;
        }
        assertThat(compared).as("strings compared").isGreaterThan(10_000);
    }
}
