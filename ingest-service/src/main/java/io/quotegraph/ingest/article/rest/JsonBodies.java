package io.quotegraph.ingest.article.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import io.quotegraph.ingest.article.service.NewArticle;
import io.quotegraph.rest.JsonProblems;
import io.quotegraph.rest.ProblemException;
import io.quotegraph.rest.ProblemType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads article JSON ourselves rather than through Quarkus REST's Jackson reader: the body is counted against its limit
 * (also when it comes chunked), and every parse failure becomes a {@link ProblemException} whose detail names the
 * problem, worded as rest-common words it for bodies that Quarkus reads.
 */
final class JsonBodies {

    private JsonBodies() {
    }

    /** @throws ProblemException 413 over {@code maxBytes}, 400 if empty or not a valid article */
    static NewArticle readArticle(ObjectReader reader, InputStream body, long maxBytes) {
        byte[] bytes = readAtMost(body, maxBytes);
        if (isBlank(bytes)) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "the body is empty; expected a JSON article");
        }
        try {
            return requireObject(reader.readValue(bytes));
        } catch (JsonProcessingException e) {
            throw JsonProblems.exception(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line of a batch. */
    static NewArticle readArticle(ObjectReader reader, String line) {
        try {
            return requireObject(reader.readValue(line));
        } catch (JsonProcessingException e) {
            throw JsonProblems.exception(e);
        }
    }

    private static NewArticle requireObject(NewArticle article) {
        if (article == null) {
            throw new ProblemException(ProblemType.INVALID_INPUT, "not a JSON object (got null)");
        }
        return article;
    }

    static byte[] readAtMost(InputStream body, long maxBytes) {
        if (body == null) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (body) {
            for (int n; (n = body.read(buffer)) >= 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                            "the request body is over the limit: at most " + maxBytes + " bytes are accepted");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the request body", e);
        }
        return out.toByteArray();
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
