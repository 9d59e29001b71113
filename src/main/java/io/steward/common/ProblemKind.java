package io.steward.common;

/** The stable kinds of problem the API answers with; each has a fixed status and type URI. */
public enum ProblemKind {
    VALIDATION(400, "validation", "Invalid input"),
    MALFORMED_BODY(400, "malformed-body", "Malformed request body"),
    MALFORMED_REQUEST(400, "malformed-request", "Malformed request"),
    UNAUTHORIZED(401, "unauthorized", "Authentication required"),
    FORBIDDEN(403, "forbidden", "Not allowed"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    CONFLICT(409, "conflict", "Conflict"),
    PRECONDITION_FAILED(412, "precondition-failed", "Precondition failed"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Request body too large"),
    URI_TOO_LONG(414, "uri-too-long", "Request URI too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    PRECONDITION_REQUIRED(428, "precondition-required", "Precondition required"),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests"),
    HEADERS_TOO_LARGE(431, "headers-too-large", "Request headers too large"),
    INTERNAL(500, "internal", "Internal error"),
    UNAVAILABLE(503, "unavailable", "Service unavailable");

    private final int status;
    private final String slug;
    private final String title;

    ProblemKind(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String type() {
        return Problem.TYPE_BASE + slug;
    }

    public String title() {
        return title;
    }

    /** The detail of an answer that has nothing more particular to say. */
    public String genericDetail() {
        return switch (this) {
            case NOT_FOUND -> "No such resource, or it is not visible to you.";
            case METHOD_NOT_ALLOWED -> "This resource does not support that method.";
            case NOT_ACCEPTABLE -> "This resource cannot answer in the requested media type.";
            case VALIDATION -> "The request is not valid.";
            case MALFORMED_REQUEST -> "The request is not well-formed HTTP.";
            default -> title + ".";
        };
    }

    /** The general kind for a status; the two particular 400 kinds are never chosen here. */
    public static ProblemKind forStatus(int status) {
        for (ProblemKind kind : values()) {
            if (kind.status == status && kind != MALFORMED_BODY && kind != MALFORMED_REQUEST) {
                return kind;
            }
        }
        return status >= 500 ? INTERNAL : VALIDATION;
    }
}
