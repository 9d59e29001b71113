package io.steward.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds problem+json answers carrying the request's correlation id. */
@ApplicationScoped
public class ProblemResponses {

    @Inject Instance<RoutingContext> routingContext;
    @Inject ObjectMapper mapper;

    public Response build(ProblemKind kind, String detail, List<FieldError> errors) {
        return build(kind, detail, errors, null);
    }

    /** An answer listing the first of {@code errorCount} errors, when that is given. */
    public Response build(
            ProblemKind kind, String detail, List<FieldError> errors, Long errorCount) {
        String id = correlationId();
        return Response.status(kind.status())
                .type(Problem.MEDIA_TYPE)
                .header(Correlation.HEADER, id)
                .entity(Problem.of(kind, detail, id, errors, errorCount))
                .build();
    }

    /**
     * Answers straight on the Vert.x response, for requests refused before they reach a resource.
     * The request is not read any further, so the connection is closed after the answer.
     */
    public void send(RoutingContext context, ProblemKind kind, String detail) {
        String id = Correlation.of(context);
        String body;
        try {
            body = mapper.writeValueAsString(Problem.of(kind, detail, id, null));
        } catch (JsonProcessingException e) {
            body = "{}";
        }
        context.response()
                .setStatusCode(kind.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(Correlation.HEADER, id)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }

    public String correlationId() {
        try {
            return Correlation.of(routingContext.isResolvable() ? routingContext.get() : null);
        } catch (RuntimeException e) {
            return Correlation.of(null);
        }
    }
}
