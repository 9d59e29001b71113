package io.steward.audit;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.steward.common.ResourceRoutes;
import io.steward.security.Caller;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Records a denied request in the audit chain, whatever refused it. Role checks can refuse a
 * request on the I/O thread, so the entry is captured there and written on a worker thread.
 *
 * <p>A request under {@code /api/} without a valid token (401) is recorded too, as actor {@value
 * Caller#ANONYMOUS} with no organization or roles: a token that failed verification says nothing
 * about who sent it, so nothing is taken from it. Its resource is the method and the path template
 * ({@code GET /api/v1/participants/{id}}), never the path itself, so no id or text the caller chose
 * is stored; a path that is no resource is {@value #UNKNOWN_PATH}.
 */
@ApplicationScoped
public class DeniedAccessRecorder {

    static final String AUTHENTICATE = "denied.authenticate";
    static final String UNKNOWN_PATH = "/api/{unknown}";
    private static final Logger LOG = Logger.getLogger(DeniedAccessRecorder.class);
    private static final Set<String> METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    @Inject AuditLog audit;
    @Inject Caller caller;
    @Inject Instance<RoutingContext> routingContext;
    @Inject ResourceRoutes routes;

    /** Writes the denial in its own transaction on the calling (worker) thread. */
    public void record(String reason) {
        AuditEntry entry = capture(reason);
        if (entry != null) {
            write(entry);
        }
    }

    /** Captures the denial now and writes it on a worker thread. */
    public Uni<Void> recordAsync(String reason) {
        AuditEntry entry = capture(reason);
        if (entry == null) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom()
                .item(() -> write(entry))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .replaceWithVoid();
    }

    /**
     * Captures a request refused for want of a valid token (401) and writes it on a worker thread;
     * the answer waits for the write, as for other denials. Requests outside {@code /api/} are not
     * recorded. Reads nothing of the caller's identity: there is none.
     */
    public Uni<Void> recordUnauthenticated() {
        AuditEntry entry = captureUnauthenticated();
        if (entry == null) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom()
                .item(() -> write(entry))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .replaceWithVoid();
    }

    private AuditEntry captureUnauthenticated() {
        if (!routingContext.isResolvable()) {
            return null;
        }
        RoutingContext context = routingContext.get();
        String path = context.normalizedPath();
        if (path == null || !path.startsWith("/api/")) {
            return null;
        }
        String method = context.request().method().name();
        String resource =
                (METHODS.contains(method) ? method : "OTHER")
                        + " "
                        + routes.templateOf(path).orElse(UNKNOWN_PATH);
        return new AuditEntry(
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                Caller.ANONYMOUS,
                null,
                "",
                AUTHENTICATE,
                resource,
                List.of(),
                Outcome.DENIED);
    }

    private AuditEntry capture(String reason) {
        if (caller.isAnonymous()) {
            return null;
        }
        RoutingContext context = routingContext.get();
        String resource = context.request().method() + " " + context.request().path();
        return new AuditEntry(
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                caller.subject(),
                caller.org().orElse(null),
                caller.rolesText(),
                "denied." + reason,
                resource,
                List.of(),
                Outcome.DENIED);
    }

    private boolean write(AuditEntry entry) {
        try {
            audit.appendAlone(entry);
            return true;
        } catch (RuntimeException e) {
            LOG.errorf("STW-AUDIT-0001 could not record a denial: %s", e.getClass().getName());
            return false;
        }
    }
}
