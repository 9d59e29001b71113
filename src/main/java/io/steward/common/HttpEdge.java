package io.steward.common;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first handler every request meets: it fixes the correlation id and refuses bodies over the
 * limit before any of them is read. Uploads (paths under {@code /imports} and academic records) may
 * be larger than ordinary JSON bodies.
 */
@ApplicationScoped
public class HttpEdge {

    @Inject ProblemResponses problems;

    @ConfigProperty(name = "steward.http.max-json-bytes", defaultValue = "1048576")
    long maxJsonBytes;

    @ConfigProperty(name = "steward.http.max-upload-bytes", defaultValue = "536870912")
    long maxUploadBytes;

    void install(@Observes Router router) {
        router.route().order(-1000).handler(this::begin);
    }

    private void begin(RoutingContext context) {
        String id = Correlation.choose(context.request().getHeader(Correlation.HEADER));
        context.put(Correlation.KEY, id);
        // Set once, just before the headers leave, so a handler that adds it too cannot double it.
        context.addHeadersEndHandler(v -> context.response().headers().set(Correlation.HEADER, id));

        long limit = isUpload(context.request().path()) ? maxUploadBytes : maxJsonBytes;
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && exceeds(length, limit)) {
            refuse(context, limit);
            return;
        }
        context.next();
    }

    static boolean isUpload(String path) {
        return path != null
                && (path.startsWith("/api/v1/imports/") || path.endsWith("/academic-records"));
    }

    private static boolean exceeds(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void refuse(RoutingContext context, long limit) {
        problems.send(
                context,
                ProblemKind.PAYLOAD_TOO_LARGE,
                "The body is larger than " + limit + " bytes.");
    }
}
