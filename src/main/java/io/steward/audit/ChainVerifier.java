package io.steward.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/**
 * Recomputes the hash chain in batches: every linked event's hash must match its fields and the
 * hash before it, and sequence numbers must have no gaps. The first mismatch is reported. Events
 * committed but not yet linked are linked first; any still unlinked after the grace period of
 * {@link AuditConfig#linkGrace} make the chain invalid too.
 */
@ApplicationScoped
public class ChainVerifier {

    private static final int BATCH = 5_000;
    private static final AuditFilter ALL = new AuditFilter(null, null, null, null);

    @Inject AuditQuery query;
    @Inject ChainWriter writer;
    @Inject AuditConfig config;
    @Inject EntityManager em;

    public VerificationView verify() {
        writer.linkPending();
        long overdue = overdue();
        String prev = AuditLog.GENESIS;
        long expectedSeq = 1;
        long count = 0;
        List<AuditEventView> batch;
        do {
            batch = query.find(ALL, expectedSeq - 1, BATCH);
            for (AuditEventView event : batch) {
                if (event.seq() != expectedSeq
                        || !event.prevHash().equals(prev)
                        || !AuditLog.hash(event.seq(), entry(event), prev).equals(event.hash())) {
                    return new VerificationView(false, count, prev, event.seq(), overdue);
                }
                prev = event.hash();
                expectedSeq++;
                count++;
            }
        } while (batch.size() == BATCH);
        return new VerificationView(overdue == 0, count, prev, null, overdue);
    }

    private long overdue() {
        return ((Number)
                        em.createNativeQuery(
                                        "select count(*) from audit_event"
                                                + " where seq is null and at < ?1")
                                .setParameter(1, Instant.now().minus(config.linkGrace()))
                                .getSingleResult())
                .longValue();
    }

    static AuditEntry entry(AuditEventView event) {
        return new AuditEntry(
                event.at(),
                event.actor(),
                event.org(),
                event.role(),
                event.action(),
                event.resource(),
                event.participantIds(),
                event.outcome());
    }
}
