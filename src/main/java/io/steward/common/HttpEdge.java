package io.steward.common;

import io.vertx.core.MultiMap;
import io.vertx.core.VertxException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first handler every request meets: it fixes the correlation id and refuses, before any of the
 * body is read, a URI or headers over their limits and a body over its limit. Uploads (paths under
 * {@code /imports} and academic records) may be larger than ordinary JSON bodies.
 *
 * <p>The HTTP codec has its own ceilings ({@code quarkus.http.limits.*}), set above these limits so
 * that the refusal is made here, as problem+json. Past a ceiling, and for requests the codec cannot
 * parse at all, the codec answers alone with a bare status (docs/CONVENTIONS.md, Errors).
 */
@ApplicationScoped
public class HttpEdge {

    @Inject ProblemResponses problems;

    @ConfigProperty(name = "steward.http.max-json-bytes", defaultValue = "1048576")
    long maxJsonBytes;

    @ConfigProperty(name = "steward.http.max-upload-bytes", defaultValue = "536870912")
    long maxUploadBytes;

    @ConfigProperty(name = "steward.http.max-uri-length", defaultValue = "4096")
    int maxUriLength;

    @ConfigProperty(name = "steward.http.max-header-bytes", defaultValue = "20480")
    long maxHeaderBytes;

    void install(@Observes Router router) {
        router.route().order(-1000).handler(this::begin).failureHandler(this::failed);
    }

    private void begin(RoutingContext context) {
        String id = Correlation.choose(context.request().getHeader(Correlation.HEADER));
        context.put(Correlation.KEY, id);
        // Set once, just before the headers leave, so a handler that adds it too cannot double it.
        context.addHeadersEndHandler(v -> context.response().headers().set(Correlation.HEADER, id));

        HttpServerRequest request = context.request();
        if (request.uri().length() > maxUriLength) {
            String detail = "The request URI is longer than " + maxUriLength + " characters.";
            problems.send(context, ProblemKind.URI_TOO_LONG, detail);
            return;
        }
        if (headerBytes(request.headers()) > maxHeaderBytes) {
            String detail = "The request headers are larger than " + maxHeaderBytes + " bytes.";
            problems.send(context, ProblemKind.HEADERS_TOO_LARGE, detail);
            return;
        }
        if (request.headers().getAll(HttpHeaders.AUTHORIZATION).size() > 1) {
            // Which credentials would count is not for the service to guess.
            String detail = "The request carries more than one Authorization header.";
            problems.send(context, ProblemKind.MALFORMED_REQUEST, detail);
            return;
        }
        long limit = isUpload(request.path()) ? maxUploadBytes : maxJsonBytes;
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && exceeds(length, limit)) {
            String detail = "The body is larger than " + limit + " bytes.";
            problems.send(context, ProblemKind.PAYLOAD_TOO_LARGE, detail);
            return;
        }
        context.next();
    }

    /**
     * Answers the refusals the router makes itself, before any handler runs: an HTTP/1.1 request
     * without {@code Host}, an empty path (400) or a path not starting with {@code /} (404).
     * Failures carrying any other exception (security, resources) go on to their own handlers.
     */
    private void failed(RoutingContext context) {
        Throwable failure = context.failure();
        boolean routing =
                failure == null
                        || failure.getClass() == VertxException.class
                        || failure instanceof HttpException;
        int status = context.statusCode();
        ProblemKind kind =
                status == 400 ? ProblemKind.MALFORMED_REQUEST : ProblemKind.forStatus(status);
        if (!routing || status < 400 || status >= 500 || kind.status() != status) {
            context.next();
            return;
        }
        if (context.response().headWritten()) {
            context.next();
            return;
        }
        problems.send(context, kind, kind.genericDetail());
    }

    static boolean isUpload(String path) {
        return path != null
                && (path.startsWith("/api/v1/imports/") || path.endsWith("/academic-records"));
    }

    /** The size of the header section: each field as {@code name: value} and its line end. */
    static long headerBytes(MultiMap headers) {
        long size = 0;
        for (Map.Entry<String, String> header : headers) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        return size;
    }

    private static boolean exceeds(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
