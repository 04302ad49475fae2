package io.quotegraph.gateway.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque Relay cursors: base64url of "offset:{n}", n being the item's position in the whole result. */
public final class Cursors {

    private static final String PREFIX = "offset:";

    private Cursors() {
    }

    public static String encode(long offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** The offset a cursor points at. */
    public static int decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
            if (raw.startsWith(PREFIX)) {
                int offset = Integer.parseInt(raw.substring(PREFIX.length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below (NumberFormatException is an IllegalArgumentException)
        }
        throw new InvalidArgumentException("invalid cursor: " + cursor);
    }
}
