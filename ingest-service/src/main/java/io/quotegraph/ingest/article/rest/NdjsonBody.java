package io.quotegraph.ingest.article.rest;

import io.quotegraph.rest.ProblemException;
import io.quotegraph.rest.ProblemType;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads an {@code application/x-ndjson} body within the batch limits; nothing is processed before it is all read. */
final class NdjsonBody {

    /** One non-blank line: its 1-based number in the body, and its content. */
    record Line(int number, String content) {
    }

    private NdjsonBody() {
    }

    /**
     * @throws ProblemException 413 if the body is over {@code maxBytes} or has more than {@code maxLines} non-blank
     *                          lines; 400 if it is not UTF-8 or has no non-blank line
     */
    static List<Line> read(InputStream body, long maxBytes, int maxLines) {
        String text = decode(JsonBodies.readAtMost(body, maxBytes));
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte order mark is not part of the first line
        }
        List<Line> lines = new ArrayList<>();
        int number = 0;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            number++;
            String line = text.substring(start, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (!line.isBlank()) {
                lines.add(new Line(number, line));
                if (lines.size() > maxLines) {
                    throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "the batch has more than " + maxLines
                            + " articles (non-blank lines); send at most " + maxLines + " per request");
                }
            }
            start = end + 1;
        }
        if (lines.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_INPUT,
                    "the batch is empty: expected one JSON article per line (application/x-ndjson)");
        }
        return lines;
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "the request body is not valid UTF-8");
        }
    }
}
