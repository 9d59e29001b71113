package io.steward.common;

import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.regex.Pattern;

/** The correlation id of a request: the caller's {@code X-Correlation-Id} if sane, else new. */
public final class Correlation {

    public static final String HEADER = "X-Correlation-Id";
    static final String KEY = "steward.correlationId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private Correlation() {}

    static String choose(String incoming) {
        if (incoming != null && SAFE.matcher(incoming).matches()) {
            return incoming;
        }
        return UUID.randomUUID().toString();
    }

    /** The id of the request being handled by this routing context. */
    public static String of(RoutingContext context) {
        if (context == null) {
            return UUID.randomUUID().toString();
        }
        String id = context.get(KEY);
        return id != null ? id : choose(context.request().getHeader(HEADER));
    }
}
