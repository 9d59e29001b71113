package io.steward.outcomes;

import io.steward.audit.AuditLog;
import io.steward.audit.Outcome;
import io.steward.common.ApiException;
import io.steward.organizations.OrganizationService;
import io.steward.organizations.OrganizationType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.jboss.logging.Logger;

/** Computes an outcome table: SQL groups the youth, Java suppresses the small aggregate table. */
@ApplicationScoped
public class OutcomeService {

    private static final Logger LOG = Logger.getLogger(OutcomeService.class);

    /**
     * The most cells one answer lists. Every value of each dimension's domain is listed, so a pair
     * such as program by school grows with the city; past this it must be filtered by provider.
     */
    static final long MAX_CELLS = 10_000;

    @Inject OutcomeAccess access;
    @Inject OutcomeRepository participation;
    @Inject AcademicOutcomeQueries academic;
    @Inject OrganizationService organizations;
    @Inject OutcomeDomains domains;
    @Inject PatternCache patterns;
    @Inject AuditLog audit;

    @Transactional
    public OutcomeView read(OutcomeQuery query) {
        OutcomeAccess.Scope scope = access.scope(query.metric());
        if (query.providerCode() != null) {
            organizations.require("providerCode", query.providerCode(), OrganizationType.PROVIDER);
        }

        OutcomeDomain domain = domains.of(query);
        long listed = domain.cellCount(query.groupBy());
        if (listed > MAX_CELLS) {
            throw ApiException.invalid(
                    "groupBy",
                    "would list "
                            + listed
                            + " cells, more than "
                            + MAX_CELLS
                            + "; filter by providerCode or group by fewer dimensions");
        }

        long started = System.nanoTime();
        participation.planForEachPeriod();
        List<OutcomeRow> rows =
                query.metric().schoolData()
                        ? academic.rows(query.metric(), query.year(), scope.agreementIds())
                        : participation.participation(query.year());
        long grouped = System.nanoTime();
        OutcomeView view =
                patterns.tables(rows, scope.minimumCellSize(), scope.agreementIds())
                        .answer(query, domain);
        LOG.debugf(
                "outcome %s: %d fine cells, SQL %d ms, suppression %d ms",
                query.metric().path(),
                rows.size(),
                (grouped - started) / 1_000_000,
                (System.nanoTime() - grouped) / 1_000_000);

        audit.record("outcome.read", query.resource(), List.of(), Outcome.SUCCESS);
        return view;
    }
}
