package io.steward.audit;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.steward.security.Caller;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Records a denied request in the audit chain, whatever refused it. Role checks can refuse a
 * request on the I/O thread, so the entry is captured there and written on a worker thread.
 */
@ApplicationScoped
public class DeniedAccessRecorder {

    private static final Logger LOG = Logger.getLogger(DeniedAccessRecorder.class);

    @Inject AuditLog audit;
    @Inject Caller caller;
    @Inject Instance<RoutingContext> routingContext;

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
