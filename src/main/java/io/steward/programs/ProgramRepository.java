package io.steward.programs;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ProgramRepository implements PanacheRepositoryBase<Program, UUID> {

    @Inject ProgramAccess access;

    /**
     * Up to {@code limit + 1} programs the caller may read, after the given (createdAt, id), in
     * that order. The caller's scope is part of the query.
     */
    public List<Program> page(Instant afterAt, UUID afterId, int limit) {
        String after =
                afterAt == null
                        ? ""
                        : " and (pr.createdAt > :at or (pr.createdAt = :at and pr.id > :id))";
        TypedQuery<Program> query =
                getEntityManager()
                        .createQuery(
                                "from Program pr join fetch pr.provider o where "
                                        + access.scope()
                                        + after
                                        + " order by pr.createdAt, pr.id",
                                Program.class);
        if (afterAt != null) {
            query.setParameter("at", afterAt).setParameter("id", afterId);
        }
        return access.bind(query).setMaxResults(limit + 1).getResultList();
    }
}
