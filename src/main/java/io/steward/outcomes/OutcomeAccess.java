package io.steward.outcomes;

import io.steward.common.ApiException;
import io.steward.security.Caller;
import io.steward.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/**
 * Who may read which outcomes. Dashboards, evaluators and the city read program metrics. School
 * metrics use records held under active STUDIES or AUDIT_EVALUATION agreements only, with the
 * largest minimum cell size among them; an evaluator uses only the agreements naming its
 * organization as recipient, and one with none sees nothing (404).
 */
@ApplicationScoped
public class OutcomeAccess {

    /** The school data a request may use and the minimum cell size that applies. */
    public record Scope(List<UUID> agreementIds, int minimumCellSize) {}

    static final String[] ROLES = {Role.DASHBOARD, Role.EVALUATOR, Role.CITY_ADMIN};

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
        boolean evaluatorOnly = !caller.hasAny(Role.DASHBOARD, Role.CITY_ADMIN);
        if (evaluatorOnly && caller.org().isEmpty()) {
            throw ApiException.notFound();
        }
        List<AcademicOutcomeQueries.Scope> agreements =
                academic.usableAgreements(evaluatorOnly ? caller.org().get() : null);
        if (agreements.isEmpty()) {
            throw ApiException.notFound();
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
