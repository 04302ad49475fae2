package io.quotegraph.ingest.article.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quotegraph.ingest.article.service.NewArticle;
import io.quotegraph.rest.ProblemException;
import io.quotegraph.rest.ProblemType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;

/**
 * Reads article JSON ourselves rather than through Quarkus REST's Jackson reader: the body is counted against its limit
 * (also when it comes chunked), and every parse failure becomes a {@link ProblemException} whose detail names the
 * problem. (Quarkus's own handling of Jackson's MismatchedInputException and JsonParseException would otherwise win
 * over rest-common's JsonProcessingException mapper and answer without a problem detail.)
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
            throw problem(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line of a batch. */
    static NewArticle readArticle(ObjectReader reader, String line) {
        try {
            return requireObject(reader.readValue(line));
        } catch (JsonProcessingException e) {
            throw problem(e);
        }
    }

    private static NewArticle requireObject(NewArticle article) {
        if (article == null) {
            throw new ProblemException(ProblemType.INVALID_INPUT, "not a JSON object (got null)");
        }
        return article;
    }

    /** The same wording as rest-common's mapper for Jackson errors. */
    static ProblemException problem(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new ProblemException(ProblemType.INVALID_INPUT, "unknown field '" + unknown.getPropertyName()
                    + "'; known fields: " + unknown.getKnownPropertyIds());
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return new ProblemException(ProblemType.INVALID_INPUT, "field '" + field + "': " + e.getOriginalMessage());
        }
        if (e instanceof JsonMappingException) {
            // valid JSON, wrong shape: an array, a string, trailing values, ...
            return new ProblemException(ProblemType.INVALID_INPUT, "expected a JSON object with the article's fields: "
                    + e.getOriginalMessage());
        }
        return new ProblemException(ProblemType.MALFORMED_BODY, "not valid JSON: " + e.getOriginalMessage());
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
