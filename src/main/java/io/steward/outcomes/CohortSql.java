package io.steward.outcomes;

/**
 * The youth an outcome counts, one row each, as SQL common table expressions over the parameters
 * {@code :from}, {@code :to}: every participant with an enrollment overlapping the period in a
 * program overlapping it (an open enrollment ends with its program; the programs are the listed
 * domain, see {@link OutcomeDomains}), the one program the youth is counted in (most program days,
 * then earliest enrollment, then program id), its provider, and the youth's program days (distinct
 * dates with minutes attended across all programs) with their dosage band. Every metric groups this
 * cohort, so all tables of one school year partition the same youth.
 */
final class CohortSql {

    /** Defines {@code cohort(participant_id, program_id, provider_code, days, band)}. */
    static final String COHORT =
            """
            with enrolled as (
                select e.participant_id, e.program_id, min(e.start_date) as first_start
                from enrollment e
                join program ep on ep.id = e.program_id
                where e.start_date <= :to and ep.start_date <= :to
                    and least(coalesce(e.end_date, ep.end_date), ep.end_date) >= :from
                group by e.participant_id, e.program_id
            ),
            program_days as (
                select participant_id, program_id, count(*) as days
                from attendance where minutes > 0 and date between :from and :to
                group by participant_id, program_id
            ),
            youth_programs as (
                select participant_id, count(*) as programs, sum(days) as days
                from program_days group by participant_id
            ),
            youth_days as (
                select participant_id, days from youth_programs where programs = 1
                union all
                select a.participant_id, count(distinct a.date)
                from attendance a
                join youth_programs m on m.participant_id = a.participant_id and m.programs > 1
                where a.minutes > 0 and a.date between :from and :to
                group by a.participant_id
            ),
            counted_in as (
                select distinct on (en.participant_id) en.participant_id, en.program_id
                from enrolled en
                left join program_days pd
                    on pd.participant_id = en.participant_id and pd.program_id = en.program_id
                order by en.participant_id, coalesce(pd.days, 0) desc, en.first_start,
                    en.program_id
            ),
            cohort as (
                select c.participant_id, c.program_id, o.code as provider_code,
                    coalesce(yd.days, 0) as days,
                    case when coalesce(yd.days, 0) < 30 then '0-29'
                        when yd.days < 60 then '30-59' else '60+' end as band
                from counted_in c
                join program pr on pr.id = c.program_id
                join organization o on o.id = pr.provider_id
                left join youth_days yd on yd.participant_id = c.participant_id
            )
            """;

    /** The grouping columns of the fine cross-classification, after {@code cohort k}. */
    static final String FINE_COLUMNS =
            "k.provider_code, k.program_id, p.grade_level, p.school_code, k.band";

    private CohortSql() {}
}
