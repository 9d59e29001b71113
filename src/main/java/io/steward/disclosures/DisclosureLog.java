package io.steward.disclosures;

import io.steward.audit.AuditEntry;
import io.steward.audit.AuditLog;
import io.steward.common.Rows;
import io.steward.schooldata.DataCategory;
import io.steward.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The record of disclosures. Every answer that discloses academic data (consent-based reads,
 * parents' and districts' reads, extracts) calls {@link #record} inside the transaction of the
 * read, so a disclosure is recorded exactly when its answer is produced. Rows are never changed.
 */
@ApplicationScoped
public class DisclosureLog {

    private static final String SELECT =
            "select d.id, d.at, d.recipient_code, d.actor, d.actor_role, d.categories, d.basis,"
                    + " d.consent_id, d.agreement_id, o.code, d.purpose, d.records"
                    + " from disclosure d left join organization o on o.id = d.source_district_id"
                    + " where d.participant_id = ?1 ";

    /** JDBC parameters of one disclosure row in {@link #insert}. */
    private static final int PARAMETERS = 13;

    @Inject EntityManager em;
    @Inject Caller caller;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(DisclosureEntry e) {
        Session session = em.unwrap(Session.class);
        session.flush();
        session.doWork(
                c -> {
                    try (PreparedStatement st = c.prepareStatement(insert(1))) {
                        bind(st, 1, e, Instant.now().truncatedTo(ChronoUnit.MICROS));
                        st.executeUpdate();
                    }
                });
    }

    /**
     * Records the disclosures of an answer (none for an answer without data) and its audit event
     * (an {@link AuditLog#entry}) in one statement, one round trip, inside the current transaction:
     * they commit with the read, or none does.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAudited(List<DisclosureEntry> entries, AuditEntry event) {
        Instant at = event.at();
        String sql =
                entries.isEmpty()
                        ? AuditLog.INSERT
                        : "with d as (" + insert(entries.size()) + ") " + AuditLog.INSERT;
        Session session = em.unwrap(Session.class);
        session.flush();
        session.doWork(
                c -> {
                    try (PreparedStatement st = c.prepareStatement(sql)) {
                        int next = 1;
                        for (DisclosureEntry e : entries) {
                            next = bind(st, next, e, at);
                        }
                        AuditLog.bind(st, next, event);
                        st.executeUpdate();
                    }
                });
    }

    /** The insert of {@code rows} disclosures, {@link #PARAMETERS} JDBC parameters each. */
    private static String insert(int rows) {
        StringBuilder sql =
                new StringBuilder(
                        "insert into disclosure (id, participant_id, at, actor, actor_role,"
                                + " recipient_code, categories, basis, consent_id, agreement_id,"
                                + " source_district_id, purpose, records) values ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ")
                    .append("(?, ?, ?, ?, ?, ?, cast(? as text[]), ?, ?, ?, ?, ?, ?)");
        }
        return sql.toString();
    }

    private int bind(PreparedStatement st, int first, DisclosureEntry e, Instant at)
            throws SQLException {
        st.setObject(first, UUID.randomUUID());
        st.setObject(first + 1, e.participantId());
        st.setObject(first + 2, at.atOffset(ZoneOffset.UTC));
        st.setString(first + 3, caller.subject());
        st.setString(first + 4, e.actorRole());
        st.setString(first + 5, e.recipientCode());
        st.setString(first + 6, DataCategory.literal(e.categories()));
        st.setString(first + 7, e.basis().name());
        st.setObject(first + 8, e.consentId(), Types.OTHER);
        st.setObject(first + 9, e.agreementId(), Types.OTHER);
        st.setObject(first + 10, e.sourceDistrictId(), Types.OTHER);
        st.setString(first + 11, e.purpose());
        st.setInt(first + 12, e.records());
        return first + PARAMETERS;
    }

    /**
     * Up to {@code limit + 1} disclosures of a participant after a key, oldest first; only those of
     * records from one district when {@code sourceDistrictId} is set.
     */
    public List<DisclosureView> page(
            UUID participantId, UUID sourceDistrictId, Instant afterAt, UUID afterId, int limit) {
        StringBuilder sql = new StringBuilder(SELECT);
        List<Object> params = new ArrayList<>(List.of(participantId));
        if (sourceDistrictId != null) {
            params.add(sourceDistrictId);
            sql.append("and d.source_district_id = ?").append(params.size()).append(' ');
        }
        if (afterAt != null) {
            params.add(afterAt);
            params.add(afterId);
            sql.append("and (d.at, d.id) > (?")
                    .append(params.size() - 1)
                    .append(", ?")
                    .append(params.size())
                    .append(") ");
        }
        var query = em.createNativeQuery(sql.append("order by d.at, d.id").toString());
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setMaxResults(limit + 1).getResultList();
        return rows.stream().map(DisclosureLog::view).toList();
    }

    private static DisclosureView view(Object[] r) {
        return new DisclosureView(
                Rows.uuid(r[0]),
                Rows.instant(r[1]),
                (String) r[2],
                (String) r[3],
                (String) r[4],
                DataCategory.sorted(DataCategory.fromArray(Rows.strings(r[5]))),
                DisclosureEntry.Basis.valueOf((String) r[6]),
                Rows.uuid(r[7]),
                Rows.uuid(r[8]),
                (String) r[9],
                (String) r[10],
                Rows.integer(r[11]));
    }
}
