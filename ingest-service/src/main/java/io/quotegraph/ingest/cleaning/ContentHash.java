package io.quotegraph.ingest.cleaning;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The content key of an article: SHA-256 of its cleaned text with every run of whitespace (line breaks too) made one space. */
public final class ContentHash {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private ContentHash() {
    }

    public static String of(String cleanedText) {
        String normalised = WHITESPACE.matcher(Normalizer.normalize(cleanedText, Normalizer.Form.NFC))
                .replaceAll(" ").strip();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
