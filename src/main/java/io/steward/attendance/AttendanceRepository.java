package io.steward.attendance;

import io.steward.programs.Program;
import io.steward.programs.ProgramAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

/**
 * Attendance in set-based SQL: a body is checked and upserted through arrays unnested in one
 * statement per chunk, never row by row.
 */
@ApplicationScoped
public class AttendanceRepository {

    static final int CHUNK = 1000;

    @Inject EntityManager em;
    @Inject ProgramAccess programAccess;

    private static final String NOT_ENROLLED =
            "select t.i - 1 from unnest(?::uuid[], ?::text[]::date[]) with ordinality"
                    + " as t(pid, d, i) where not exists (select 1 from enrollment e"
                    + " where e.program_id = ? and e.participant_id = t.pid"
                    + " and e.start_date <= t.d and (e.end_date is null or e.end_date >= t.d))"
                    + " order by t.i";

    private static final String UPSERT =
            "insert into attendance (program_id, participant_id, date, minutes, updated_at)"
                    + " select ?, t.pid, t.d, t.m, now()"
                    + " from unnest(?::uuid[], ?::text[]::date[], ?::int[]) as t(pid, d, m)"
                    + " on conflict (program_id, participant_id, date) do update"
                    + " set minutes = excluded.minutes, updated_at = excluded.updated_at";

    private static final String PAGE =
            "select a.participant_id, a.date, a.minutes, a.updated_at from attendance a"
                    + " join program pr on pr.id = a.program_id"
                    + " join organization o on o.id = pr.provider_id"
                    + " where a.program_id = :program and ";

    /**
     * Holds the program in share mode until the transaction ends. A withdrawal takes it
     * exclusively, so none ends an enrollment between the check that the entries lie within one and
     * their commit, and a withdrawal that follows sees the attendance written here.
     */
    public void holdEnrollments(Program program) {
        em.lock(program, LockModeType.PESSIMISTIC_READ);
    }

    /** Indexes of the entries whose youth had no enrollment in the program covering the date. */
    public List<Integer> notEnrolled(UUID programId, List<AttendanceEntry> entries) {
        return em.unwrap(Session.class).doReturningWork(c -> notEnrolled(c, programId, entries));
    }

    /** Inserts or replaces the entries of a program, a chunk of rows per statement. */
    public int upsert(UUID programId, List<AttendanceEntry> entries) {
        return em.unwrap(Session.class).doReturningWork(c -> upsert(c, programId, entries));
    }

    private static List<Integer> notEnrolled(
            Connection c, UUID programId, List<AttendanceEntry> entries) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(NOT_ENROLLED)) {
            st.setArray(1, uuids(c, entries));
            st.setArray(2, dates(c, entries));
            st.setObject(3, programId);
            List<Integer> bad = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    bad.add((int) rs.getLong(1));
                }
            }
            return bad;
        }
    }

    private static int upsert(Connection c, UUID programId, List<AttendanceEntry> entries)
            throws SQLException {
        int written = 0;
        try (PreparedStatement st = c.prepareStatement(UPSERT)) {
            for (int from = 0; from < entries.size(); from += CHUNK) {
                List<AttendanceEntry> chunk =
                        entries.subList(from, Math.min(entries.size(), from + CHUNK));
                st.setObject(1, programId);
                st.setArray(2, uuids(c, chunk));
                st.setArray(3, dates(c, chunk));
                st.setArray(4, c.createArrayOf("int4", minutes(chunk)));
                written += st.executeUpdate();
            }
        }
        return written;
    }

    /**
     * Up to {@code limit + 1} records of a program between two optional dates, after the given
     * (date, participantId), in that order, with the caller's program scope in the query.
     */
    @SuppressWarnings("unchecked")
    public List<AttendanceView> page(
            UUID programId,
            LocalDate from,
            LocalDate to,
            LocalDate afterDate,
            UUID afterId,
            int limit) {
        StringBuilder sql = new StringBuilder(PAGE).append(programAccess.scope());
        if (from != null) {
            sql.append(" and a.date >= :from");
        }
        if (to != null) {
            sql.append(" and a.date <= :to");
        }
        if (afterDate != null) {
            sql.append(" and (a.date, a.participant_id) > (:afterDate, :afterId)");
        }
        sql.append(" order by a.date, a.participant_id");
        NativeQuery<Object[]> query =
                em.createNativeQuery(sql.toString()).unwrap(NativeQuery.class);
        query.addScalar("participant_id", UUID.class)
                .addScalar("date", LocalDate.class)
                .addScalar("minutes", Integer.class)
                .addScalar("updated_at", Instant.class)
                .setParameter("program", programId);
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        if (afterDate != null) {
            query.setParameter("afterDate", afterDate).setParameter("afterId", afterId);
        }
        List<Object[]> rows = programAccess.bind(query).setMaxResults(limit + 1).getResultList();
        return rows.stream().map(AttendanceRepository::view).toList();
    }

    private static AttendanceView view(Object[] row) {
        return new AttendanceView(
                (UUID) row[0], (LocalDate) row[1], (Integer) row[2], (Instant) row[3]);
    }

    private static java.sql.Array uuids(Connection c, List<AttendanceEntry> entries)
            throws SQLException {
        return c.createArrayOf(
                "uuid", entries.stream().map(AttendanceEntry::participantId).toArray());
    }

    private static Object[] minutes(List<AttendanceEntry> entries) {
        return entries.stream().map(AttendanceEntry::minutes).toArray();
    }

    private static java.sql.Array dates(Connection c, List<AttendanceEntry> entries)
            throws SQLException {
        return c.createArrayOf("text", entries.stream().map(e -> e.date().toString()).toArray());
    }
}
