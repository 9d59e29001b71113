package io.steward.audit;

import io.steward.common.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Reads linked audit events in chain ({@code seq}) order, filtered in SQL. Events not yet linked by
 * {@link ChainWriter} have no {@code seq} and are not listed.
 */
@ApplicationScoped
public class AuditQuery {

    private static final String COLUMNS =
            "select seq, at, actor, org, role, action, resource, participant_ids, outcome,"
                    + " prev_hash, hash from audit_event";

    @Inject EntityManager em;

    /** Up to {@code limit} events after {@code afterSeq} that match the filter. */
    public List<AuditEventView> find(AuditFilter filter, long afterSeq, int limit) {
        StringBuilder sql = new StringBuilder(COLUMNS).append(" where seq > :after");
        if (filter.from() != null) {
            sql.append(" and at >= :from");
        }
        if (filter.to() != null) {
            sql.append(" and at < :to");
        }
        if (filter.actor() != null) {
            sql.append(" and actor = :actor");
        }
        if (filter.participantId() != null) {
            sql.append(" and participant_ids @> array[cast(:participant as uuid)]");
        }
        sql.append(" order by seq limit :limit");
        Query query = em.createNativeQuery(sql.toString());
        query.setParameter("after", afterSeq).setParameter("limit", limit);
        if (filter.from() != null) {
            query.setParameter("from", filter.from());
        }
        if (filter.to() != null) {
            query.setParameter("to", filter.to());
        }
        if (filter.actor() != null) {
            query.setParameter("actor", filter.actor());
        }
        if (filter.participantId() != null) {
            query.setParameter("participant", filter.participantId().toString());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<AuditEventView> events = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            events.add(view(row));
        }
        return events;
    }

    static AuditEventView view(Object[] row) {
        return new AuditEventView(
                ((Number) row[0]).longValue(),
                Rows.instant(row[1]),
                (String) row[2],
                (String) row[3],
                (String) row[4],
                (String) row[5],
                (String) row[6],
                ids(row[7]),
                Outcome.valueOf((String) row[8]),
                (String) row[9],
                (String) row[10]);
    }

    static List<UUID> ids(Object value) {
        if (value instanceof UUID[] array) {
            return Arrays.asList(array);
        }
        if (value instanceof Object[] array) {
            return Arrays.stream(array).map(o -> UUID.fromString(o.toString())).toList();
        }
        return List.of();
    }
}
