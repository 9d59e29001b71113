package io.steward.outcomes;

import io.steward.common.ApiException;
import io.steward.common.ProblemKind;
import io.steward.security.Caller;
import io.steward.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/**
 * Who may read which outcomes. Dashboards, evaluators and the city read program metrics. School
 * metrics use only the records held under active STUDIES or AUDIT_EVALUATION agreements that name
 * the caller's organization (token claim {@code org}) as recipient, whatever its role: FERPA lets
 * only the named recipient use such data. The minimum cell size is the largest among those
 * agreements (at least the configured default). A caller without an organization, or whose
 * organization no such agreement names, gets 404 for school metrics and no school data.
 */
@ApplicationScoped
public class OutcomeAccess {

    /**
     * The school data a request may use (none for program metrics) and the minimum cell size that
     * applies.
     */
    public record Scope(List<UUID> agreementIds, int minimumCellSize) {}

    static final String[] ROLES = {Role.DASHBOARD, Role.EVALUATOR, Role.CITY_ADMIN};

    static final String NO_AGREEMENT =
            "No active STUDIES or AUDIT_EVALUATION agreement names your organization as"
                    + " recipient, so no school data may be used for it.";

    @Inject Caller caller;
    @Inject OutcomeConfig config;
    @Inject AcademicOutcomeQueries academic;

    public Scope scope(Metric metric) {
        if (!caller.hasAny(ROLES)) {
            throw ApiException.forbidden();
        }
        if (!metric.schoolData()) {
            return new Scope(List.of(), config.minimumCellSize());
        }
        String recipient =
                caller.org()
                        .orElseThrow(() -> ApiException.of(ProblemKind.NOT_FOUND, NO_AGREEMENT));
        List<AcademicOutcomeQueries.Scope> agreements = academic.usableAgreements(recipient);
        if (agreements.isEmpty()) {
            throw ApiException.of(ProblemKind.NOT_FOUND, NO_AGREEMENT);
        }
        int minimum = config.minimumCellSize();
        for (AcademicOutcomeQueries.Scope agreement : agreements) {
            minimum = Math.max(minimum, agreement.minimumCellSize());
        }
        return new Scope(
                agreements.stream().map(AcademicOutcomeQueries.Scope::agreementId).toList(),
                minimum);
    }
}
