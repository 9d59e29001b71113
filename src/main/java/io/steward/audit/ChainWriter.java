package io.steward.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.steward.common.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Links committed, unlinked audit events into the hash chain, oldest id first: each gets the next
 * {@code seq}, the previous event's hash as {@code prev_hash}, and its own {@link AuditLog#hash}.
 * Chain order is therefore link order, close to commit order, not insertion order; an event rolled
 * back with its request was never visible and is never linked.
 *
 * <p>Only one writer links at a time across all instances: a round holds a transaction-scoped
 * advisory lock from reading the chain head to its commit. A background round runs every {@link
 * AuditConfig#linkInterval} and skips when another instance holds the lock; readers of the chain
 * call {@link #linkPending} first, which waits for the lock. Requests never take it.
 */
@ApplicationScoped
public class ChainWriter {

    static final long CHAIN_LOCK = 0x5354_4557_4152_4431L;
    private static final int BATCH = 2_000;
    private static final Logger LOG = Logger.getLogger(ChainWriter.class);

    @Inject EntityManager em;
    @Inject AuditConfig config;

    private ScheduledExecutorService background;

    void start(@Observes StartupEvent event) {
        long every = Math.max(10, config.linkInterval().toMillis());
        background =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread thread = new Thread(r, "audit-chain-writer");
                            thread.setDaemon(true);
                            return thread;
                        });
        background.scheduleWithFixedDelay(
                this::linkInBackground, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (background == null) {
            return;
        }
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
    }

    /**
     * Links every event committed so far, waiting up to {@link AuditConfig#linkWait} for another
     * writer. Returns how many this call linked, or -1 if it could not take the lock or failed (the
     * events stay unlinked for the next round; verification flags them once overdue).
     */
    public int linkPending() {
        try {
            return linkAll(true);
        } catch (RuntimeException e) {
            LOG.errorf("STW-AUDIT-0002 could not link audit events: %s", e.getClass().getName());
            return -1;
        }
    }

    private void linkInBackground() {
        try {
            linkAll(false);
        } catch (RuntimeException e) {
            LOG.errorf("STW-AUDIT-0003 background linking failed: %s", e.getClass().getName());
        }
    }

    private int linkAll(boolean wait) {
        int total = 0;
        int linked;
        do {
            linked = QuarkusTransaction.requiringNew().call(() -> linkBatch(wait));
            if (linked < 0) {
                return total == 0 ? -1 : total;
            }
            total += linked;
        } while (linked == BATCH);
        return total;
    }

    /** One round in the caller's new transaction: -1 if the lock is taken, else how many linked. */
    private int linkBatch(boolean wait) {
        if (!lock(wait)) {
            return -1;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> pending =
                em.createNativeQuery(
                                "select id, at, actor, org, role, action, resource,"
                                        + " participant_ids, outcome from audit_event"
                                        + " where seq is null order by id limit ?1")
                        .setParameter(1, BATCH)
                        .getResultList();
        if (pending.isEmpty()) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> head =
                em.createNativeQuery(
                                "select seq, hash from audit_event where seq is not null"
                                        + " order by seq desc limit 1")
                        .getResultList();
        long seq = head.isEmpty() ? 0 : ((Number) head.get(0)[0]).longValue();
        String prev = head.isEmpty() ? AuditLog.GENESIS : (String) head.get(0)[1];
        StringBuilder ids = new StringBuilder("{");
        StringBuilder seqs = new StringBuilder("{");
        StringBuilder prevs = new StringBuilder("{");
        StringBuilder hashes = new StringBuilder("{");
        for (Object[] row : pending) {
            seq++;
            String hash = AuditLog.hash(seq, entry(row), prev);
            String comma = ids.length() == 1 ? "" : ",";
            ids.append(comma).append(((Number) row[0]).longValue());
            seqs.append(comma).append(seq);
            prevs.append(comma).append(prev);
            hashes.append(comma).append(hash);
            prev = hash;
        }
        int updated =
                em.createNativeQuery(
                                "update audit_event e set seq = v.seq, prev_hash = v.prev,"
                                        + " hash = v.hash from unnest(cast(?1 as bigint[]),"
                                        + " cast(?2 as bigint[]), cast(?3 as text[]),"
                                        + " cast(?4 as text[])) as v(id, seq, prev, hash)"
                                        + " where e.id = v.id and e.seq is null")
                        .setParameter(1, ids.append('}').toString())
                        .setParameter(2, seqs.append('}').toString())
                        .setParameter(3, prevs.append('}').toString())
                        .setParameter(4, hashes.append('}').toString())
                        .executeUpdate();
        if (updated != pending.size()) {
            throw new IllegalStateException("linked " + updated + " of " + pending.size());
        }
        return updated;
    }

    private boolean lock(boolean wait) {
        if (!wait) {
            return (Boolean)
                    em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                            .setParameter(1, CHAIN_LOCK)
                            .getSingleResult();
        }
        em.createNativeQuery("select set_config('lock_timeout', ?1, true)")
                .setParameter(1, config.linkWait().toMillis() + "ms")
                .getSingleResult();
        em.createNativeQuery("select pg_advisory_xact_lock(?1)")
                .setParameter(1, CHAIN_LOCK)
                .getSingleResult();
        return true;
    }

    private static AuditEntry entry(Object[] row) {
        return new AuditEntry(
                Rows.instant(row[1]),
                (String) row[2],
                (String) row[3],
                (String) row[4],
                (String) row[5],
                (String) row[6],
                AuditQuery.ids(row[7]),
                Outcome.valueOf((String) row[8]));
    }
}
