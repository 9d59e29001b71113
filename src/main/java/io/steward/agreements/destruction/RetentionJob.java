package io.steward.agreements.destruction;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.steward.agreements.Agreement;
import io.steward.agreements.AgreementRepository;
import io.steward.audit.AuditLog;
import io.steward.audit.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Ends the agreements whose time is up: an ACTIVE agreement past {@code effectiveUntil} becomes
 * EXPIRED, and one that reaches {@code destroyBy} (the legal deadline, never before the end) has
 * its data destroyed on that day at the latest. Each agreement is handled in its own transaction,
 * so one failure does not hold back the others; the next run retries it.
 */
@ApplicationScoped
public class RetentionJob {

    static final String ACTOR = "system:agreement-retention";
    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    @Inject EntityManager em;
    @Inject AgreementRepository agreements;
    @Inject Destruction destruction;
    @Inject AuditLog audit;

    @Scheduled(
            identity = "agreement-retention",
            cron = "{steward.agreements.retention-cron}",
            timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run(LocalDate.now(ZoneOffset.UTC));
    }

    /** Ends every agreement due on this day; returns how many were ended. */
    public int run(LocalDate today) {
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> due(today));
        int ended = 0;
        for (UUID id : due) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> expire(id, today))) {
                    ended++;
                }
            } catch (RuntimeException e) {
                LOG.errorf(
                        "STW-AGREEMENT-0020 could not end agreement %s: %s",
                        id, e.getClass().getName());
            }
        }
        if (ended > 0) {
            LOG.infof("STW-AGREEMENT-0021 retention ended %d agreements", ended);
        }
        return ended;
    }

    private List<UUID> due(LocalDate today) {
        return em
                .createNativeQuery(
                        "select id from agreement where status = 'ACTIVE'"
                                + " and (effective_until < ?1 or destroy_by <= ?1) order by id",
                        UUID.class)
                .setParameter(1, today)
                .getResultList()
                .stream()
                .map(UUID.class::cast)
                .toList();
    }

    private boolean expire(UUID id, LocalDate today) {
        Agreement a = agreements.lock(id).orElse(null);
        if (a == null || a.storedStatus != Agreement.Status.ACTIVE) {
            return false;
        }
        boolean expired = today.isAfter(a.effectiveUntil);
        if (!expired && today.isBefore(a.destroyBy)) {
            return false;
        }
        a.storedStatus = Agreement.Status.EXPIRED;
        a.endedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        a.endedBy = ACTOR;
        agreements.flush();
        Destruction.Cause cause = expired ? Destruction.Cause.EXPIRY : Destruction.Cause.DESTROY_BY;
        destruction.destroy(id, cause, null, ACTOR);

        audit.recordSystem(
                ACTOR, "agreement.expire", "agreements/" + id, List.of(), Outcome.SUCCESS);
        return true;
    }
}
