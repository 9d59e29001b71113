package io.steward.common;

import java.util.List;

/**
 * The one exception that services throw to answer with a problem. Its detail is shown to the
 * caller, so it must never contain personal data.
 */
public final class ApiException extends RuntimeException {

    private final ProblemKind kind;
    private final List<FieldError> errors;
    private final long retryAfterSeconds;

    private ApiException(
            ProblemKind kind, String detail, List<FieldError> errors, long retryAfterSeconds) {
        super(detail, null, false, false);
        this.kind = kind;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    private ApiException(ProblemKind kind, String detail, List<FieldError> errors) {
        this(kind, detail, errors, 0);
    }

    public static ApiException of(ProblemKind kind, String detail) {
        return new ApiException(kind, detail, List.of());
    }

    public static ApiException invalid(List<FieldError> errors) {
        return new ApiException(ProblemKind.VALIDATION, "The request has invalid fields.", errors);
    }

    public static ApiException invalid(String field, String message) {
        return invalid(List.of(FieldError.field(field, message)));
    }

    public static ApiException notFound() {
        return of(ProblemKind.NOT_FOUND, "No such resource, or it is not visible to you.");
    }

    public static ApiException forbidden() {
        return of(ProblemKind.FORBIDDEN, "Your role does not allow this action.");
    }

    public static ApiException conflict(String detail) {
        return of(ProblemKind.CONFLICT, detail);
    }

    /** A 429 answered with {@code Retry-After} in whole seconds (at least 1). */
    public static ApiException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ApiException(
                ProblemKind.TOO_MANY_REQUESTS, detail, List.of(), Math.max(1, retryAfterSeconds));
    }

    public ProblemKind kind() {
        return kind;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Seconds for {@code Retry-After}; 0 when the answer carries none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
