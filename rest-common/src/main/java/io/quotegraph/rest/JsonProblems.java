package io.quotegraph.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** Says what is wrong with a JSON body, naming the field: "extraction.statements[1].content: invalid span [20, 10)". */
public final class JsonProblems {

    private JsonProblems() {
    }

    /** For code that reads a body itself (to count it against a limit, line by line, ...): the same problem a mapper gives. */
    public static ProblemException exception(JsonProcessingException e) {
        String at = e instanceof JsonMappingException mapping ? path(mapping) : "";
        String prefix = at.isEmpty() ? "" : at + ": ";
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new ProblemException(ProblemType.INVALID_INPUT, prefix + "unknown field '" + unknown.getPropertyName()
                    + "'; known fields: " + unknown.getKnownPropertyIds());
        }
        if (e instanceof JsonMappingException && !at.isEmpty()) {
            return new ProblemException(ProblemType.INVALID_INPUT, prefix + message(e));
        }
        if (e instanceof JsonMappingException) {
            return new ProblemException(ProblemType.INVALID_INPUT, "the body is valid JSON but not of the expected shape: "
                    + message(e));
        }
        return new ProblemException(ProblemType.MALFORMED_BODY, "the body is not valid JSON: " + message(e));
    }

    private static String message(JsonProcessingException e) {
        // a constructor's own message ("invalid span [20, 10)") says more than Jackson's wrapper around it
        Throwable cause = e.getCause();
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
