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
    private final Long errorCount;

    private ApiException(
            ProblemKind kind,
            String detail,
            List<FieldError> errors,
            long retryAfterSeconds,
            Long errorCount) {
        super(detail, null, false, false);
        this.kind = kind;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
        this.errorCount = errorCount;
    }

    private ApiException(ProblemKind kind, String detail, List<FieldError> errors) {
        this(kind, detail, errors, 0, null);
    }

    public static ApiException of(ProblemKind kind, String detail) {
        return new ApiException(kind, detail, List.of());
    }

    public static ApiException invalid(List<FieldError> errors) {
        return new ApiException(ProblemKind.VALIDATION, "The request has invalid fields.", errors);
    }

    /**
     * A 400 listing the first {@code errors} of {@code errorCount} in all; the answer carries the
     * count and whether some are left out, so that a bad file cannot make it grow without bound.
     */
    public static ApiException invalid(List<FieldError> errors, long errorCount) {
        return new ApiException(
                ProblemKind.VALIDATION, "The request has invalid fields.", errors, 0, errorCount);
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

    /** A 409 whose state conflict lies in one field of the request, named in {@code errors}. */
    public static ApiException conflict(String detail, FieldError error) {
        return new ApiException(ProblemKind.CONFLICT, detail, List.of(error));
    }

    /** A 429 answered with {@code Retry-After} in whole seconds (at least 1). */
    public static ApiException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ApiException(
                ProblemKind.TOO_MANY_REQUESTS,
                detail,
                List.of(),
                Math.max(1, retryAfterSeconds),
                null);
    }

    public ProblemKind kind() {
        return kind;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** How many errors there are in all when {@link #errors()} lists only some; else null. */
    public Long errorCount() {
        return errorCount;
    }

    /** Seconds for {@code Retry-After}; 0 when the answer carries none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
