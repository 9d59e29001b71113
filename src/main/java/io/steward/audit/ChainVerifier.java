package io.steward.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Recomputes the hash chain in batches: every event's hash must match its fields and the hash
 * before it, and sequence numbers must have no gaps. The first mismatch is reported.
 */
@ApplicationScoped
public class ChainVerifier {

    private static final int BATCH = 5_000;
    private static final AuditFilter ALL = new AuditFilter(null, null, null, null);

    @Inject AuditQuery query;

    public VerificationView verify() {
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
                    return new VerificationView(false, count, prev, event.seq());
                }
                prev = event.hash();
                expectedSeq++;
                count++;
            }
        } while (batch.size() == BATCH);
        return new VerificationView(true, count, prev, null);
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
