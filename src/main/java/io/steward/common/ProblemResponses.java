package io.steward.common;

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

    public Response build(ProblemKind kind, String detail, List<FieldError> errors) {
        String id = correlationId();
        Problem problem =
                new Problem(
                        kind.type(),
                        kind.title(),
                        kind.status(),
                        detail,
                        id,
                        errors == null || errors.isEmpty() ? null : errors);
        return Response.status(kind.status())
                .type(Problem.MEDIA_TYPE)
                .header(Correlation.HEADER, id)
                .entity(problem)
                .build();
    }

    public String correlationId() {
        try {
            return Correlation.of(routingContext.isResolvable() ? routingContext.get() : null);
        } catch (RuntimeException e) {
            return Correlation.of(null);
        }
    }
}
