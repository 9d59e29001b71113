package io.steward.enrollment;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.steward.programs.ProgramAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
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
