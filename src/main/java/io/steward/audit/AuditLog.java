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
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Records audit events in the transaction of the change they describe, so an event commits exactly
 * when its change does and disappears with it on rollback.
 *
 * <p>An event is inserted <em>unlinked</em>: it has an {@code id} from a sequence but no chain
 * position yet ({@code seq}, {@code prev_hash} and {@code hash} are null), and no lock is taken, so
 * concurrent audited requests do not wait for one another's commit. {@link ChainWriter} links
 * committed events into the hash chain shortly after, each exactly once: it gives each its {@code
 * seq} and a SHA-256 {@link #hash} over its fields and the previous event's hash.
 */
@ApplicationScoped
public class AuditLog {

    /** The previous hash of the first event in the chain. */
    static final String GENESIS = "0".repeat(64);

    @Inject EntityManager em;
    @Inject Caller caller;

    /**
     * The insert of one unlinked event, with eight JDBC parameters that {@link #bind} sets. For a
     * statement that writes an event together with the rows it describes, in one round trip (for
     * example the disclosure of an answer, {@code with d as (insert ...) } + this).
     */
    public static final String INSERT =
            "insert into audit_event (at, actor, org, role, action, resource, participant_ids,"
                    + " outcome) values (?, ?, ?, ?, ?, ?, cast(? as uuid[]), ?)";

    /** Records an event inside the current transaction, so it commits with the change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(
            String action, String resource, Collection<UUID> participantIds, Outcome outcome) {
        append(entry(action, resource, participantIds, outcome));
    }

    /** The event of the current caller, stamped now, for {@link #INSERT}. */
    public AuditEntry entry(
            String action, String resource, Collection<UUID> participantIds, Outcome outcome) {
        return new AuditEntry(
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                caller.subject(),
                caller.org().orElse(null),
                caller.rolesText(),
                action,
                resource,
                participantIds == null ? List.of() : List.copyOf(participantIds),
                outcome);
    }

    /** Sets the eight parameters of {@link #INSERT}, from {@code first} on; returns the next. */
    public static int bind(PreparedStatement st, int first, AuditEntry entry) throws SQLException {
        st.setObject(first, entry.at().atOffset(ZoneOffset.UTC));
        st.setString(first + 1, entry.actor());
        st.setString(first + 2, entry.org());
        st.setString(first + 3, entry.role());
        st.setString(first + 4, entry.action());
        st.setString(first + 5, entry.resource());
        st.setString(first + 6, arrayLiteral(entry.participantIds()));
        st.setString(first + 7, entry.outcome().name());
        return first + 8;
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
        Session session = em.unwrap(Session.class);
        // As a native query would: changes the session holds reach the database first.
        session.flush();
        session.doWork(
                c -> {
                    try (PreparedStatement st = c.prepareStatement(INSERT)) {
                        bind(st, 1, entry);
                        st.executeUpdate();
                    }
                });
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
