package io.steward.common;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import io.steward.audit.DeniedAccessRecorder;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every exception that reaches the HTTP layer into problem+json, and nothing else. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject ProblemResponses problems;
    @Inject DeniedAccessRecorder denied;
    @Inject AllowedMethods allowedMethods;
    @Inject Instance<RoutingContext> routingContext;

    @ServerExceptionMapper(priority = 1)
    public Response api(ApiException e) {
        if (e.kind() == ProblemKind.FORBIDDEN) {
            denied.record("forbidden");
        }
        Response response = problems.build(e.kind(), e.getMessage(), e.errors(), e.errorCount());
        if (e.retryAfterSeconds() == 0) {
            return response;
        }
        return Response.fromResponse(response)
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                .build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response violations(ConstraintViolationException e) {
        List<FieldError> errors =
                e.getConstraintViolations().stream()
                        .map(
                                v ->
                                        missingBody(v)
                                                ? FieldError.field("body", "is required")
                                                : FieldError.field(fieldOf(v), v.getMessage()))
                        .sorted(Comparator.comparing(FieldError::field))
                        .toList();
        return problems.build(ProblemKind.VALIDATION, "The request has invalid fields.", errors);
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatched(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unparsable(JsonParseException e) {
        return json(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response json(JsonProcessingException e) {
        ApiException raised = raisedWhileReading(e);
        if (raised != null) {
            return api(raised);
        }
        String repeated = repeatedProperty(e);
        if (repeated != null) {
            return invalid(repeated, "must be given only once");
        }
        if (notJson(e)) {
            return problems.build(
                    ProblemKind.MALFORMED_BODY, "The body is not well-formed JSON.", List.of());
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return invalid(field, "is not a known or writable property");
        }
        if (e instanceof InvalidFormatException format && format.getTargetType().isEnum()) {
            Object[] allowed = format.getTargetType().getEnumConstants();
            return invalid(path(format), "must be one of " + List.of(allowed));
        }
        if (e instanceof JsonMappingException mapping) {
            // Well-formed JSON of the wrong shape; "body" when the whole is ({} for a list).
            return invalid(path(mapping), messageFor(mapping));
        }
        return problems.build(
                ProblemKind.MALFORMED_BODY, "The body is not well-formed JSON.", List.of());
    }

    /**
     * Whether the body is not JSON at all, as opposed to JSON of the wrong shape: the parser
     * refused it, or there was no value in it (whitespace alone, which an optional body may be; the
     * runtime reads an empty required body as no entity). Databind wraps the parser's error with
     * the path of the value it was reading, so {@code {"code": tru}} comes with path {@code code}
     * and is still not JSON; nor is a body with a second value after the first.
     */
    static boolean notJson(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonParseException) {
                return true;
            }
        }
        // A second value after the first ({"a":1} {"b":2}) is not one JSON text either.
        return e instanceof MismatchedInputException
                && e.getOriginalMessage() != null
                && (e.getOriginalMessage().startsWith("No content to map")
                        || e.getOriginalMessage().startsWith("Trailing token"));
    }

    /** A token that is missing, expired, badly signed or from another issuer: 401, audited. */
    @ServerExceptionMapper(priority = 1)
    public Uni<Response> unauthenticated(AuthenticationFailedException e) {
        Response response = unauthorized();
        return denied.recordUnauthenticated().map(ignored -> response);
    }

    /** A request without a token to an endpoint that needs one: 401, audited. */
    @ServerExceptionMapper(priority = 1)
    public Uni<Response> unauthorized(UnauthorizedException e) {
        Response response = unauthorized();
        return denied.recordUnauthenticated().map(ignored -> response);
    }

    @ServerExceptionMapper(priority = 1)
    public Uni<Response> forbidden(ForbiddenException e) {
        Response response =
                problems.build(
                        ProblemKind.FORBIDDEN, "Your role does not allow this action.", null);
        return denied.recordAsync("role").map(ignored -> response);
    }

    @ServerExceptionMapper(priority = 1)
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json);
        }
        if ((e instanceof NotAllowedException || e instanceof NotFoundException)
                && routingContext.isResolvable()) {
            Response refused = methodNotAllowed(routingContext.get(), e);
            if (refused != null) {
                return refused;
            }
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        ProblemKind kind = ProblemKind.forStatus(status);
        return problems.build(kind, detailFor(e, kind), null);
    }

    /**
     * A 405 with {@code Allow} for a method the path's resources do not take. The runtime says so
     * itself ({@link NotAllowedException}) except where the paths of several resource classes
     * overlap ({@code /programs/{id}} and {@code /programs/{id}/enrollments/{eid}}): there it
     * answers 404, which is a 405 when the path is a resource's. Null when neither applies.
     */
    private Response methodNotAllowed(RoutingContext context, WebApplicationException e) {
        Set<String> allow = allowedMethods.forPath(context.request().path());
        boolean refused =
                e instanceof NotAllowedException
                        || (!allow.isEmpty() && !allow.contains(context.request().method().name()));
        if (!refused) {
            return null;
        }
        ProblemKind kind = ProblemKind.METHOD_NOT_ALLOWED;
        Response response = problems.build(kind, kind.genericDetail(), null);
        if (allow.isEmpty()) {
            return response;
        }
        return Response.fromResponse(response)
                .header(HttpHeaders.ALLOW, String.join(", ", allow))
                .build();
    }

    @ServerExceptionMapper(priority = 10)
    public Response unexpected(Throwable e) {
        String id = problems.correlationId();
        LOG.errorf("STW-HTTP-0500 unexpected %s, correlationId=%s", e.getClass().getName(), id);
        LOG.debug("STW-HTTP-0500 detail", e);
        return problems.build(ProblemKind.INTERNAL, "Something went wrong on our side.", null);
    }

    private Response unauthorized() {
        return Response.fromResponse(
                        problems.build(
                                ProblemKind.UNAUTHORIZED,
                                "A valid bearer token is required.",
                                null))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    private Response invalid(String field, String message) {
        return problems.build(
                ProblemKind.VALIDATION,
                "The request has invalid fields.",
                List.of(FieldError.field(field, message)));
    }

    private static String detailFor(WebApplicationException e, ProblemKind kind) {
        if (e instanceof NotSupportedException) {
            return "This endpoint does not accept that media type.";
        }
        return kind.genericDetail();
    }

    /**
     * The refusal raised by the body's stream while Jackson read it (the JSON size cap), which some
     * deserializers wrap as if the value were malformed.
     */
    private static ApiException raisedWhileReading(Throwable e) {
        for (Throwable t = e.getCause(); t != null && t != e; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api;
            }
        }
        return null;
    }

    private static String messageFor(JsonMappingException e) {
        if (e instanceof StrictJson.Refused refused) {
            return refused.rule();
        }
        if (e instanceof MismatchedInputException mismatch
                && mismatch.getTargetType() == LocalDate.class) {
            return "must be a real date in the form YYYY-MM-DD";
        }
        return "has the wrong type or shape";
    }

    /**
     * The path of a property given twice in one object ({@code guardians[0].name}), from the
     * parser's position when it refused it (Jackson's strict duplicate detection); null for any
     * other error.
     */
    static String repeatedProperty(JsonProcessingException e) {
        // Inside a list or a nested object, databind wraps the parser's error with a partial path.
        Throwable t = e;
        while (t != null && !(t instanceof JsonParseException) && t.getCause() != t) {
            t = t.getCause();
        }
        RepeatedProperty repeat =
                t instanceof JsonParseException parse ? RepeatedProperty.of(parse) : null;
        return repeat == null ? null : repeat.path();
    }

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
        return path.isEmpty() ? "body" : path.toString();
    }

    /**
     * Whether the violation is a required JSON body that was left out (no bytes, or {@code null}):
     * a null method parameter that carries no JAX-RS annotation, so is the request's entity. The
     * Java parameter's name means nothing to a client; such a violation names {@code body}.
     */
    static boolean missingBody(ConstraintViolation<?> violation) {
        if (violation.getInvalidValue() != null
                || !(violation.getConstraintDescriptor().getAnnotation() instanceof NotNull)) {
            return false;
        }
        Path.MethodNode method = null;
        Path.ParameterNode parameter = null;
        int nodes = 0;
        for (Path.Node node : violation.getPropertyPath()) {
            nodes++;
            if (node.getKind() == ElementKind.METHOD) {
                method = node.as(Path.MethodNode.class);
            } else if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.as(Path.ParameterNode.class);
            }
        }
        if (nodes != 2 || method == null || parameter == null) {
            return false;
        }
        Method declared = declared(violation.getRootBeanClass(), method);
        if (declared == null) {
            return false;
        }
        for (Annotation a : declared.getParameterAnnotations()[parameter.getParameterIndex()]) {
            String type = a.annotationType().getName();
            if (type.startsWith("jakarta.ws.rs.")
                    || type.startsWith("org.jboss.resteasy.reactive.")) {
                return false;
            }
        }
        return true;
    }

    private static Method declared(Class<?> type, Path.MethodNode node) {
        Class<?>[] parameters = node.getParameterTypes().toArray(new Class<?>[0]);
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredMethod(node.getName(), parameters);
            } catch (NoSuchMethodException e) {
                // declared higher up, or on the class a generated subclass extends
            }
        }
        return null;
    }

    static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // Method parameters arrive as "create.request.name" or "create.arg0.name".
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }
}
