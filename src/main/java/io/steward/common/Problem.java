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
        List<FieldError> errors,
        Long errorCount,
        Boolean errorsTruncated) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://steward.example/problems/";

    /** The problem of this kind; {@code errors} is left out of the body when there are none. */
    public static Problem of(
            ProblemKind kind, String detail, String correlationId, List<FieldError> errors) {
        return of(kind, detail, correlationId, errors, null);
    }

    /**
     * The problem of this kind; when {@code errorCount} is given, {@code errors} lists only the
     * first of that many errors, and the body says how many there are and whether some are left out
     * ({@code errorCount}, {@code errorsTruncated}), as an import job does.
     */
    public static Problem of(
            ProblemKind kind,
            String detail,
            String correlationId,
            List<FieldError> errors,
            Long errorCount) {
        int listed = errors == null ? 0 : errors.size();
        return new Problem(
                kind.type(),
                kind.title(),
                kind.status(),
                detail,
                correlationId,
                listed == 0 ? null : errors,
                errorCount,
                errorCount == null ? null : errorCount > listed);
    }
}
