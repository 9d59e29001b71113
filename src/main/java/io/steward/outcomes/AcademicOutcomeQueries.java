package io.steward.outcomes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The two academic metrics in SQL, over the school data held under agreements. Kept apart because
 * it reads the agreements and academic-records schema (issue #4) through these columns only:
 *
 * <ul>
 *   <li>{@code agreement(id uuid, recipient_id uuid -> organization, basis text, status text,
 *       minimum_cell_size integer)}
 *   <li>{@code academic_record(agreement_id uuid, participant_id uuid, category text, school_year
 *       text 'YYYY-YYYY', days_enrolled integer, days_absent integer, proficient boolean)}, with
 *       these columns readable by SQL (not encrypted)
 * </ul>
 *
 * <p>A youth's attendance rate is {@code 1 - sum(days_absent) / sum(days_enrolled)} over its
 * records for the year; its proficiency is the share of its assessment records marked proficient.
 * Only youth in the participation cohort count.
 */
@ApplicationScoped
public class AcademicOutcomeQueries {

    /** An agreement whose school data an outcome may use, with its minimum cell size. */
    public record Scope(UUID agreementId, int minimumCellSize) {}

    @Inject EntityManager em;

    /**
     * Active STUDIES and AUDIT_EVALUATION agreements in effect today that name {@code
     * recipientCode} as recipient; no other agreement's school data may be used for that
     * organization.
     */
    public List<Scope> usableAgreements(String recipientCode) {
        Objects.requireNonNull(recipientCode, "recipientCode");
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "select a.id, a.minimum_cell_size from agreement a"
                                        + " join organization r on r.id = a.recipient_id"
                                        + " where a.status = 'ACTIVE'"
                                        + " and current_date between a.effective_from"
                                        + " and a.effective_until"
                                        + " and a.basis in ('STUDIES', 'AUDIT_EVALUATION')"
                                        + " and lower(r.code) = lower(:recipient)"
                                        + " order by a.id")
                        .setParameter("recipient", recipientCode)
                        .getResultList();
        return rows.stream().map(r -> new Scope((UUID) r[0], ((Number) r[1]).intValue())).toList();
    }

    /** Youth and the sum of their per-youth values per fine cell, for one academic metric. */
    public List<OutcomeRow> rows(Metric metric, SchoolYear year, List<UUID> agreements) {
        String perYouth =
                switch (metric) {
                    case SCHOOL_ATTENDANCE ->
                            "select r.participant_id,"
                                    + " 1 - sum(r.days_absent)::float8 / sum(r.days_enrolled)"
                                    + " as v from academic_record r where"
                                    + " r.category = 'SCHOOL_ATTENDANCE' and "
                                    + RECORD_FILTER
                                    + " group by r.participant_id"
                                    + " having sum(r.days_enrolled) > 0";
                    case ASSESSMENT_PROFICIENCY ->
                            "select r.participant_id,"
                                    + " avg(case when r.proficient then 1.0 else 0.0 end)"
                                    + " as v from academic_record r where"
                                    + " r.category = 'ASSESSMENTS' and r.proficient is not null"
                                    + " and "
                                    + RECORD_FILTER
                                    + " group by r.participant_id";
                    case PARTICIPATION -> throw new IllegalArgumentException("not school data");
                };
        String sql =
                CohortSql.COHORT
                        + ", per_youth as ("
                        + perYouth
                        + ") select "
                        + CohortSql.FINE_COLUMNS
                        + ", count(*), sum(y.v)"
                        + " from cohort k join per_youth y on y.participant_id = k.participant_id"
                        + " join participant p on p.id = k.participant_id"
                        + " group by "
                        + CohortSql.FINE_COLUMNS
                        + " order by "
                        + CohortSql.FINE_COLUMNS;
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(sql)
                        .setParameter("from", year.from())
                        .setParameter("to", year.to())
                        .setParameter("agreements", agreements)
                        .setParameter("allYears", year.label() == null)
                        .setParameter("schoolYear", year.label() == null ? "" : year.label())
                        .getResultList();
        return rows.stream().map(OutcomeRow::of).toList();
    }

    private static final String RECORD_FILTER =
            "r.agreement_id in (:agreements)" + " and (:allYears or r.school_year = :schoolYear)";
}
