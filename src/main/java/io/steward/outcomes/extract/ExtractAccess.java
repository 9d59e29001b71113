package io.steward.outcomes.extract;

import io.steward.agreements.Agreement;
import io.steward.agreements.AgreementService;
import io.steward.audit.AuditLog;
import io.steward.audit.Outcome;
import io.steward.common.ApiException;
import io.steward.security.Caller;
import io.steward.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Who may take an extract: only an evaluator of the organization an agreement names as recipient
 * (other roles are refused with 403 before this). Any other agreement, absent or not the caller's,
 * is a 404. The recipient's evaluator gets 409 when the agreement does not rest on the studies
 * exception or is not ACTIVE and in effect today (a draft, a terminated or expired agreement).
 */
@ApplicationScoped
public class ExtractAccess {

    static final String ACTION = "agreement.extract";

    @Inject Caller caller;
    @Inject AuditLog audit;

    public void check(Agreement a, String resource) {
        if (a == null || !isRecipientEvaluator(a)) {
            audit.recordAlone(ACTION, resource, List.of(), Outcome.NOT_FOUND);
            throw ApiException.notFound();
        }
        if (a.basis != Agreement.Basis.STUDIES) {
            audit.recordAlone(ACTION, resource, List.of(), Outcome.DENIED);
            throw ApiException.conflict("An extract is given only under a STUDIES agreement.");
        }
        if (!a.inEffect(AgreementService.today())) {
            audit.recordAlone(ACTION, resource, List.of(), Outcome.DENIED);
            throw ApiException.conflict(
                    "An extract is given only while the agreement is ACTIVE and in effect.");
        }
    }

    private boolean isRecipientEvaluator(Agreement a) {
        return caller.has(Role.EVALUATOR)
                && caller.org().map(org -> org.equalsIgnoreCase(a.recipient.code)).orElse(false);
    }
}
