package io.quotegraph.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Arrays;

/**
 * Whether a GraphQL answer of {@code bench-graphql} counts as answered or as an error, checked whole for every answer
 * at a cost small beside the gateway's (the 50 client threads share the machine's cores with the gateway; building the
 * tree of every 142 KB answer took as much CPU as the gateway spent serving it, docs/graphql-performance.md, part 7).
 * <p>
 * One check per client: an answer is parsed whole (status 200, a JSON object without a top-level {@code errors}
 * member and with a non-empty {@code data} object) unless it is byte for byte the last answer that passed; a
 * benchmark asks one query again and again and the system does not change under it, so nearly every answer is
 * checked by one array comparison (vectorised, microseconds for 142 KB) instead of a parse.
 */
final class AnswerCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The last body of this client that passed the whole check. */
    private byte[] lastPassed;
    private long parsed;

    /** True for an answer: status 200, a JSON object without a top-level {@code errors} member, non-empty data. */
    boolean isAnswer(int status, byte[] body) {
        if (status != 200) {
            return false;
        }
        if (Arrays.equals(body, lastPassed)) {
            return true;
        }
        parsed++;
        if (!passes(body)) {
            return false;
        }
        lastPassed = body;
        return true;
    }

    /** How many answers were parsed (the others were equal to one that passed). */
    long parsed() {
        return parsed;
    }

    /** Parsed whole: a JSON object without a top-level {@code errors} member, with a non-empty {@code data} object. */
    static boolean passes(byte[] body) {
        try {
            JsonNode answer = JSON.readTree(body);
            JsonNode data = answer.path("data");
            return answer.isObject() && !answer.has("errors") && data.isObject() && !data.isEmpty();
        } catch (IOException unreadable) { // not JSON, or truncated
            return false;
        }
    }
}
