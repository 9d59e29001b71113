package io.steward.outcomes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/**
 * Reads the public domain of a query's dimensions. None depends on the metric asked: providers are
 * the provider organizations, programs those whose dates overlap the period (the cohort counts no
 * other), schools every school code participants hold, in any year. A school code is in the domain
 * because some participant has it, so the attacker may know each non-empty school cell holds a
 * youth; {@link Dimension#lattice()} says so to the suppression.
 */
@ApplicationScoped
public class OutcomeDomains {

    @Inject EntityManager em;

    OutcomeDomain of(OutcomeQuery query) {
        String provider = query.providerCode();
        List<String> providers = List.of();
        List<OutcomeDomain.ProgramRef> programs = List.of();
        List<String> schools = List.of();
        if (provider != null || query.groupBy().contains(Dimension.PROVIDER)) {
            providers = providers(provider);
        }
        if (query.groupBy().contains(Dimension.PROGRAM)) {
            programs = programs(query.year(), provider);
        }
        if (query.groupBy().contains(Dimension.SCHOOL_CODE)) {
            schools = schools();
        }
        return new OutcomeDomain(providers, programs, schools);
    }

    private List<String> providers(String code) {
        @SuppressWarnings("unchecked")
        List<String> rows =
                em.createNativeQuery(
                                "select o.code from organization o where o.type = 'PROVIDER'"
                                        + " and (:code = '' or lower(o.code) = lower(:code))"
                                        + " order by o.code")
                        .setParameter("code", code == null ? "" : code)
                        .getResultList();
        return rows;
    }

    private List<OutcomeDomain.ProgramRef> programs(SchoolYear year, String provider) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "select p.id, o.code from program p"
                                        + " join organization o on o.id = p.provider_id"
                                        + " where p.start_date <= :to and p.end_date >= :from"
                                        + " and (:code = '' or lower(o.code) = lower(:code))"
                                        + " order by o.code, p.id")
                        .setParameter("from", year.from())
                        .setParameter("to", year.to())
                        .setParameter("code", provider == null ? "" : provider)
                        .getResultList();
        return rows.stream()
                .map(r -> new OutcomeDomain.ProgramRef((UUID) r[0], (String) r[1]))
                .toList();
    }

    private List<String> schools() {
        @SuppressWarnings("unchecked")
        List<String> rows =
                em.createNativeQuery(
                                "select distinct school_code from participant"
                                        + " order by school_code nulls last")
                        .getResultList();
        return rows;
    }
}
