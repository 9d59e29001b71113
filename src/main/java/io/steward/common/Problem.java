package io.steward.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document, the body of every error answer.
 *
 * <p>{@code type} is a stable URI per kind of problem; {@code detail} never carries personal data.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String correlationId,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://steward.example/problems/";

    /** The problem of this kind; {@code errors} is left out of the body when there are none. */
    public static Problem of(
            ProblemKind kind, String detail, String correlationId, List<FieldError> errors) {
        return new Problem(
                kind.type(),
                kind.title(),
                kind.status(),
                detail,
                correlationId,
                errors == null || errors.isEmpty() ? null : errors);
    }
}
