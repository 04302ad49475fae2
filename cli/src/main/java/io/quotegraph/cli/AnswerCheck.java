package io.quotegraph.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/**
 * Whether a GraphQL answer of {@code bench-graphql} counts as answered or as an error, at a cost small beside the
 * gateway's: building the whole tree of every 142 KB answer took as much CPU in the bench as the gateway spent serving
 * it (docs/graphql-performance.md, part 7). Every answer is scanned as a token stream for a top-level {@code errors}
 * member (values skipped, nothing built); every {@value #FULL_PARSE_EVERY}th answer of each client (its first
 * included) is parsed whole, to prove the shape: a {@code data} object with at least one field.
 */
final class AnswerCheck {

    /** One answer in this many (per client, from its first) is parsed into a tree. */
    static final int FULL_PARSE_EVERY = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    private AnswerCheck() {
    }

    /**
     * True for an answer: status 200 and a JSON object without a top-level {@code errors} member, and, for the
     * {@code sequence}-th answer of a client when it is sampled, a non-empty {@code data} object.
     */
    static boolean isAnswer(int status, byte[] body, int sequence) {
        if (status != 200 || hasTopLevelErrors(body)) {
            return false;
        }
        return sequence % FULL_PARSE_EVERY != 0 || hasData(body);
    }

    /** True if the body is not a JSON object or has a top-level {@code errors} member (streaming, values skipped). */
    static boolean hasTopLevelErrors(byte[] body) {
        try (JsonParser parser = JSON.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return true;
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                if ("errors".equals(parser.currentName())) {
                    return true;
                }
                parser.nextToken();
                parser.skipChildren();
            }
            return false;
        } catch (IOException unreadable) {
            return true;
        }
    }

    /** Parsed whole: a {@code data} object with at least one field. */
    static boolean hasData(byte[] body) {
        try {
            JsonNode data = JSON.readTree(body).path("data");
            return data.isObject() && !data.isEmpty();
        } catch (IOException unreadable) {
            return false;
        }
    }
}
