package io.quotegraph.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.Arrays;

/**
 * Whether a GraphQL answer of {@code bench-graphql} counts as answered or as an error, checked whole for every answer
 * at a cost small beside the gateway's (the clients share the machine's cores with the gateway; building the tree of
 * every 142 KB answer took as much CPU as the gateway spent serving it, docs/graphql-performance.md, part 7).
 * <p>
 * One check per client: an answer is parsed whole (status 200, a JSON object without a top-level {@code errors}
 * member and with a non-empty {@code data} object, nothing after it) unless it is byte for byte the last answer that
 * passed; a benchmark asks one query again and again and the system does not change under it, so nearly every answer
 * is checked by one array comparison (vectorised, microseconds for 142 KB) instead of a parse. The parse reads tokens
 * and builds no tree.
 */
final class AnswerCheck {

    private static final JsonFactory JSON = new JsonFactory();

    /** A copy of the last body of this client that passed the whole check (the caller reuses its array). */
    private byte[] lastPassed;
    private long parsed;

    /**
     * True for an answer: status 200 and {@code body[0, length)} a JSON object without a top-level {@code errors}
     * member, with non-empty data. The caller may overwrite {@code body} afterwards.
     */
    boolean isAnswer(int status, byte[] body, int length) {
        if (status != 200) {
            return false;
        }
        if (lastPassed != null && Arrays.equals(body, 0, length, lastPassed, 0, lastPassed.length)) {
            return true;
        }
        parsed++;
        if (!passes(body, length)) {
            return false;
        }
        lastPassed = Arrays.copyOf(body, length);
        return true;
    }

    /** How many answers were parsed (the others were equal to one that passed). */
    long parsed() {
        return parsed;
    }

    /**
     * Parsed whole: a JSON object without a top-level {@code errors} member, with a non-empty {@code data} object, and
     * nothing after it.
     */
    static boolean passes(byte[] body, int length) {
        try (JsonParser parser = JSON.createParser(body, 0, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            boolean data = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String member = parser.currentName();
                JsonToken value = parser.nextToken();
                if (member.equals("errors")) {
                    return false;
                }
                if (member.equals("data")) {
                    if (value != JsonToken.START_OBJECT || parser.nextToken() == JsonToken.END_OBJECT) {
                        return false; // null, not an object, or empty
                    }
                    data = true;
                    skipToEndOfObject(parser);
                } else {
                    parser.skipChildren();
                }
            }
            return data && parser.currentToken() == JsonToken.END_OBJECT && parser.nextToken() == null;
        } catch (IOException unreadable) { // not JSON, or truncated
            return false;
        }
    }

    /** From inside an object (at one of its members' names) to its end, reading every token. */
    private static void skipToEndOfObject(JsonParser parser) throws IOException {
        int depth = 1;
        while (depth > 0) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new IOException("truncated");
            }
            if (token.isStructStart()) {
                depth++;
            } else if (token.isStructEnd()) {
                depth--;
            }
        }
    }
}
