package io.quotegraph.ingest.cleaning;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/**
 * The content key of an article: SHA-256 of its cleaned text (NFC) with every run of whitespace ({@code \s}: space,
 * tab, line breaks, vertical tab, form feed) made one space and the ends stripped. Stored keys must stay comparable:
 * the hex digests are pinned by {@code TextCleanerTest.Hash}.
 */
public final class ContentHash {

    private static final HexFormat HEX = HexFormat.of();

    private ContentHash() {
    }

    public static String of(String cleanedText) {
        byte[] text = collapseWhitespace(Normalizer.normalize(cleanedText, Normalizer.Form.NFC)).strip()
                .getBytes(StandardCharsets.UTF_8);
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(text));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * What {@code Pattern.compile("\\s+").matcher(text).replaceAll(" ")} gives, in one pass over the characters
     * (the regex was most of this key's cost: it runs on every ingested article).
     */
    private static String collapseWhitespace(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inRun = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\u000B' || c == '\f') {
                if (!inRun) {
                    out.append(' ');
                }
                inRun = true;
            } else {
                out.append(c);
                inRun = false;
            }
        }
        return out.toString();
    }
}
