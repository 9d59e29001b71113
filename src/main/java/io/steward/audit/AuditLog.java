package io.steward.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.steward.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Appends audit events to a hash chain. Each event's hash covers its fields and the previous
 * event's hash; a transaction-scoped advisory lock makes appends strictly sequential, and since
 * auditing is the last step of a handler the lock is held only until commit.
 */
@ApplicationScoped
public class AuditLog {

    static final long CHAIN_LOCK = 0x5354_4557_4152_4431L;
    static final String GENESIS = "0".repeat(64);

    @Inject EntityManager em;
    @Inject Caller caller;

    /** Records an event inside the current transaction, so it commits with the change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(
            String action, String resource, Collection<UUID> participantIds, Outcome outcome) {
        append(
                new AuditEntry(
                        Instant.now().truncatedTo(ChronoUnit.MICROS),
                        caller.subject(),
                        caller.org().orElse(null),
                        caller.rolesText(),
                        action,
                        resource,
                        participantIds == null ? List.of() : List.copyOf(participantIds),
                        outcome));
    }

    /**
     * Records an event of the service itself (a scheduled job, no caller) inside the current
     * transaction; {@code actor} names the job, the role is {@code system}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordSystem(
            String actor,
            String action,
            String resource,
            Collection<UUID> participantIds,
            Outcome outcome) {
        append(
                new AuditEntry(
                        Instant.now().truncatedTo(ChronoUnit.MICROS),
                        actor,
                        null,
                        "system",
                        action,
                        resource,
                        participantIds == null ? List.of() : List.copyOf(participantIds),
                        outcome));
    }

    /** Records an event in a transaction of its own: for denials, whose request rolls back. */
    public void recordAlone(
            String action, String resource, Collection<UUID> participantIds, Outcome outcome) {
        QuarkusTransaction.requiringNew()
                .run(() -> record(action, resource, participantIds, outcome));
    }

    /**
     * Records a fully formed entry inside the current transaction: for work done off a request
     * (such as a bulk import job), where the actor was captured when the work was submitted.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordEntry(AuditEntry entry) {
        append(entry);
    }

    /** Appends a fully formed entry in a transaction of its own. */
    public void appendAlone(AuditEntry entry) {
        QuarkusTransaction.requiringNew().run(() -> append(entry));
    }

    private void append(AuditEntry entry) {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)")
                .setParameter(1, CHAIN_LOCK)
                .getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> last =
                em.createNativeQuery("select seq, hash from audit_event order by seq desc limit 1")
                        .getResultList();
        long seq = last.isEmpty() ? 1 : ((Number) last.get(0)[0]).longValue() + 1;
        String prev = last.isEmpty() ? GENESIS : (String) last.get(0)[1];
        String hash = hash(seq, entry, prev);
        em.createNativeQuery(
                        "insert into audit_event (seq, at, actor, org, role, action, resource,"
                                + " participant_ids, outcome, prev_hash, hash) values (?1, ?2,"
                                + " ?3, ?4, ?5, ?6, ?7, cast(?8 as uuid[]), ?9, ?10, ?11)")
                .setParameter(1, seq)
                .setParameter(2, entry.at())
                .setParameter(3, entry.actor())
                .setParameter(4, entry.org())
                .setParameter(5, entry.role())
                .setParameter(6, entry.action())
                .setParameter(7, entry.resource())
                .setParameter(8, arrayLiteral(entry.participantIds()))
                .setParameter(9, entry.outcome().name())
                .setParameter(10, prev)
                .setParameter(11, hash)
                .executeUpdate();
    }

    /** The chain hash of an event: SHA-256 over its canonical text and the previous hash. */
    public static String hash(long seq, AuditEntry entry, String prevHash) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(entry.canonical(seq).getBytes(StandardCharsets.UTF_8));
            digest.update(prevHash.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String arrayLiteral(List<UUID> ids) {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < ids.size(); i++) {
            text.append(i == 0 ? "" : ",").append(ids.get(i));
        }
        return text.append('}').toString();
    }
}
