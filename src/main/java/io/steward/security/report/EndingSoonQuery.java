package io.steward.security.report;

import io.steward.common.Rows;
import io.steward.security.report.SecurityReportView.EndingSoon;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Agreements and consents whose validity ends soon, so their parties can renew or wind down in
 * time: those still in force today whose last day falls within the next {@code withinDays} days
 * (today included), soonest first. An agreement counts while ACTIVE; a consent while not revoked.
 * The kind of an agreement is its basis, that of a consent its method. Only ids and dates are
 * reported, never a participant.
 */
@ApplicationScoped
public class EndingSoonQuery {

    @Inject EntityManager em;

    public List<EndingSoon> agreements(int withinDays) {
        return rows(
                "select a.id, a.basis, a.effective_until from agreement a"
                        + " where a.status = 'ACTIVE' and a.effective_from <= ?1"
                        + " and a.effective_until between ?1 and ?2"
                        + " order by a.effective_until, a.id",
                withinDays);
    }

    public List<EndingSoon> consents(int withinDays) {
        return rows(
                "select c.id, c.method, c.valid_until from consent c"
                        + " where c.valid_from <= ?1 and c.valid_until between ?1 and ?2"
                        + " and not exists (select 1 from consent_revocation v"
                        + " where v.consent_id = c.id)"
                        + " order by c.valid_until, c.id",
                withinDays);
    }

    private List<EndingSoon> rows(String sql, int withinDays) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(sql)
                        .setParameter(1, today)
                        .setParameter(2, today.plusDays(withinDays))
                        .getResultList();
        return rows.stream()
                .map(
                        r ->
                                new EndingSoon(
                                        Rows.uuid(r[0]).toString(),
                                        (String) r[1],
                                        Rows.date(r[2]).toString()))
                .toList();
    }
}
