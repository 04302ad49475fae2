package io.quotegraph.ingest.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test resources as text. */
public final class Resources {

    private Resources() {
    }

    private static final String[] WORDS = ("the city council said on Monday that new rules for the harbour would be "
            + "published next week after talks with local firms and residents who asked for more time to read "
            + "them before any vote was held in the spring session of the regional assembly").split(" ");

    /**
     * A paragraph of {@code n} English words in random order: added to a test story, it makes the story unlike every
     * other test's copy of it (near-duplicate detection would otherwise link them) while it stays English.
     */
    public static String randomParagraph(int n) {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        StringBuilder paragraph = new StringBuilder("Background:");
        for (int i = 0; i < n; i++) {
            paragraph.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
        }
        return paragraph.append('.').toString();
    }

    public static String text(String path) {
        try (InputStream in = Resources.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
