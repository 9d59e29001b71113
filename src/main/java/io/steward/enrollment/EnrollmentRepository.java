package io.steward.enrollment;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.steward.programs.ProgramAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class EnrollmentRepository implements PanacheRepositoryBase<Enrollment, UUID> {

    @Inject ProgramAccess programAccess;

    /**
     * Up to {@code limit + 1} enrollments of a program after (createdAt, id), in that order, with
     * the caller's program scope in the query.
     */
    public List<Enrollment> page(UUID programId, Instant afterAt, UUID afterId, int limit) {
        String after =
                afterAt == null
                        ? ""
                        : " and (e.createdAt > :at or (e.createdAt = :at and e.id > :id))";
        TypedQuery<Enrollment> query =
                getEntityManager()
                        .createQuery(
                                "select e from Enrollment e, Program pr join pr.provider o"
                                        + " where pr.id = e.programId and e.programId = :program"
                                        + " and "
                                        + programAccess.scope()
                                        + after
                                        + " order by e.createdAt, e.id",
                                Enrollment.class)
                        .setParameter("program", programId);
        if (afterAt != null) {
            query.setParameter("at", afterAt).setParameter("id", afterId);
        }
        return programAccess.bind(query).setMaxResults(limit + 1).getResultList();
    }

    public Optional<Enrollment> findInProgram(UUID programId, UUID id, LockModeType lock) {
        return find("id = ?1 and programId = ?2", id, programId)
                .withLock(lock)
                .firstResultOptional();
    }

    /**
     * Whether ending the enrollment on {@code endDate} would leave attendance it now covers, after
     * that date, outside every enrollment of the youth in the program: attendance is only recorded
     * within an enrollment (see {@code PUT /programs/{id}/attendance}), and must stay so.
     */
    public boolean attendanceLeftOutside(Enrollment enrollment, LocalDate endDate) {
        String sql =
                "select exists (select 1 from attendance a where a.program_id = :program"
                        + " and a.participant_id = :participant and a.date > :end"
                        + " and a.date >= :start"
                        + (enrollment.endDate == null ? "" : " and a.date <= :oldEnd")
                        + " and not exists (select 1 from enrollment o"
                        + " where o.program_id = a.program_id"
                        + " and o.participant_id = a.participant_id and o.id <> :id"
                        + " and o.start_date <= a.date"
                        + " and (o.end_date is null or o.end_date >= a.date)))";
        Query query =
                getEntityManager()
                        .createNativeQuery(sql)
                        .setParameter("program", enrollment.programId)
                        .setParameter("participant", enrollment.participantId)
                        .setParameter("end", endDate)
                        .setParameter("start", enrollment.startDate)
                        .setParameter("id", enrollment.id);
        if (enrollment.endDate != null) {
            query.setParameter("oldEnd", enrollment.endDate);
        }
        return (Boolean) query.getSingleResult();
    }

    public boolean activeExists(UUID programId, UUID participantId) {
        return count(
                        "programId = ?1 and participantId = ?2 and status = ?3",
                        programId,
                        participantId,
                        EnrollmentStatus.ACTIVE)
                > 0;
    }

    public long countActive(UUID programId) {
        return count("programId = ?1 and status = ?2", programId, EnrollmentStatus.ACTIVE);
    }
}
