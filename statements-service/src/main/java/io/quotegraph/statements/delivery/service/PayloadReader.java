package io.quotegraph.statements.delivery.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quotegraph.model.ArticleExtraction;
import io.quotegraph.rest.ProblemException;
import io.quotegraph.rest.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads a delivery body. Done here rather than by the JAX-RS reader because that one turns failures inside a value's
 * constructor (a span with end before start) and syntax errors into a bare "400 Bad Request"; here every failure is
 * a problem whose detail names the field, e.g. "extraction.statements[1].content: invalid span [20, 10)".
 */
@ApplicationScoped
public class PayloadReader {

    @Inject
    ObjectMapper json; // Quarkus' mapper: quarkus.jackson.fail-on-unknown-properties=true applies

    public ArticleExtraction read(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readValue(body, ArticleExtraction.class);
        } catch (UnrecognizedPropertyException e) {
            String at = path(e);
            throw new ProblemException(ProblemType.INVALID_INPUT, (at.isEmpty() ? "" : at + ": ")
                    + "unknown field '" + e.getPropertyName() + "'; known fields: " + e.getKnownPropertyIds());
        } catch (JsonMappingException e) {
            String at = path(e);
            if (at.isEmpty()) {
                throw new ProblemException(ProblemType.MALFORMED_BODY, "the body is not an ArticleExtraction: " + message(e));
            }
            throw new ProblemException(ProblemType.INVALID_INPUT, at + ": " + message(e));
        } catch (JsonProcessingException e) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String message(JsonProcessingException e) {
        Throwable cause = e.getCause();
        // a constructor's own message ("invalid span [20, 10)") says more than Jackson's wrapper
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
            return cause.getMessage();
        }
        return e.getOriginalMessage();
    }

    /** "extraction.statements[1].content" */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
