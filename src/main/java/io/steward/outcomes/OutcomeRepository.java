package io.steward.outcomes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;

/** Participation in SQL: one GROUP BY over the cohort, never a row per youth into Java. */
@ApplicationScoped
public class OutcomeRepository {

    @Inject EntityManager em;

    /**
     * Plans this transaction's statements for their own parameters. After five runs on a pooled
     * connection the JDBC driver prepares the cohort query on the server, and PostgreSQL may then
     * keep a generic plan that ignores the period: at a million attendance rows that plan ran for
     * minutes where the planned-per-call one takes seconds.
     */
    public void planForEachPeriod() {
        em.createNativeQuery("set local plan_cache_mode = force_custom_plan").executeUpdate();
    }

    /** Youth and their program days per fine cell for the period. */
    public List<OutcomeRow> participation(SchoolYear year) {
        String sql =
                CohortSql.COHORT
                        + " select "
                        + CohortSql.FINE_COLUMNS
                        + ", count(*), sum(k.days)"
                        + " from cohort k join participant p on p.id = k.participant_id"
                        + " group by "
                        + CohortSql.FINE_COLUMNS
                        + " order by "
                        + CohortSql.FINE_COLUMNS;
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(sql)
                        .setParameter("from", year.from())
                        .setParameter("to", year.to())
                        .getResultList();
        return rows.stream().map(OutcomeRow::of).toList();
    }
}
