package io.steward.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds problem+json answers carrying the request's correlation id. */
@ApplicationScoped
public class ProblemResponses {

    static final long LINGER_BYTES = 32L * 1024 * 1024;
    static final long LINGER_MILLIS = 5_000;

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
                .end(body)
                .onComplete(sent -> closeUnread(context));
    }

    /**
     * Ends a connection whose request body was refused unread. Closing at once would cut off
     * clients that send their whole body before reading (they would see a reset, not this answer),
     * so up to {@link #LINGER_BYTES} more bytes or {@link #LINGER_MILLIS} are read and dropped
     * first; then the connection closes, never waiting for, say, a refused 600 MB upload. An HTTP/2
     * stream is reset instead.
     */
    private static void closeUnread(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.version() == HttpVersion.HTTP_2) {
            context.response().reset();
            return;
        }
        if (request.isEnded()) {
            request.connection().close();
            return;
        }
        long[] dropped = {0};
        long timer = context.vertx().setTimer(LINGER_MILLIS, t -> request.connection().close());
        request.handler(
                chunk -> {
                    dropped[0] += chunk.length();
                    if (dropped[0] > LINGER_BYTES) {
                        request.connection().close();
                    }
                });
        request.endHandler(
                done -> {
                    context.vertx().cancelTimer(timer);
                    request.connection().close();
                });
        request.exceptionHandler(e -> request.connection().close());
        request.resume();
    }

    public String correlationId() {
        try {
            return Correlation.of(routingContext.isResolvable() ? routingContext.get() : null);
        } catch (RuntimeException e) {
            return Correlation.of(null);
        }
    }
}
