package io.quotegraph.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error response ({@code application/problem+json}).
 *
 * @param type   a URN naming the kind of problem, stable for clients to switch on
 * @param errors for invalid input: which field is wrong and why
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String message) {
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.urn(), type.title(), type.status(), detail, List.of());
    }
}
