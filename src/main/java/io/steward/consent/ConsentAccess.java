package io.steward.consent;

import io.steward.audit.AuditLog;
import io.steward.audit.Outcome;
import io.steward.common.ApiException;
import io.steward.consent.ConsentRequest.Method;
import io.steward.participants.ParticipantAccess;
import io.steward.security.Caller;
import io.steward.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/**
 * Who may do what with consents.
 *
 * <ul>
 *   <li>Read: whoever may read the youth (city admin, staff of a provider that serves the youth, a
 *       linked guardian); one consent also to the staff of the provider it names.
 *   <li>Record: staff of a serving provider record PAPER forms; a linked guardian grants ELECTRONIC
 *       consent (never a login that may link guardians to the youth, see {@link
 *       ParticipantAccess#isGuardian}). Anyone else who can see the youth gets 403, others 404.
 *   <li>Revoke: a linked guardian, any consent of the youth; staff of the provider the consent
 *       names (a recipient may always give up a right) or of the provider that recorded it (paper
 *       revocation forms reach the office that took the consent).
 * </ul>
 */
@ApplicationScoped
public class ConsentAccess {

    @Inject ParticipantAccess participants;
    @Inject Caller caller;
    @Inject AuditLog audit;

    public void checkRead(UUID participantId, String action) {
        if (!participants.canRead(participantId)) {
            throw hidden(action, participantId);
        }
    }

    public void checkReadOne(Consent consent, String action) {
        if (!participants.canRead(consent.participantId()) && !isStaffOf(consent.recipientCode())) {
            throw hidden(action, consent.participantId());
        }
    }

    public void checkRecord(UUID participantId, Method method) {
        boolean staff = servesAsStaff(participantId);
        boolean guardian = isGuardian(participantId);
        if (!staff && !guardian) {
            throw hidden("consent.create", participantId);
        }
        if (!(staff && method == Method.PAPER) && !(guardian && method == Method.ELECTRONIC)) {
            throw ApiException.forbidden();
        }
    }

    public void checkRevoke(Consent consent) {
        if (isGuardian(consent.participantId())
                || isStaffOf(consent.recipientCode())
                || isStaffOf(consent.recordedByOrg())) {
            return;
        }
        if (participants.canRead(consent.participantId())) {
            throw ApiException.forbidden();
        }
        throw hidden("consent.revoke", consent.participantId());
    }

    /** Records a not-found answer for a youth and gives the 404 to throw. */
    public ApiException hidden(String action, UUID participantId) {
        audit.recordAlone(
                action,
                "participants/" + participantId + "/consents",
                List.of(participantId),
                Outcome.NOT_FOUND);
        return ApiException.notFound();
    }

    private boolean servesAsStaff(UUID participantId) {
        return isStaff() && participants.servedBy(participantId, caller.org().get());
    }

    private boolean isGuardian(UUID participantId) {
        return participants.isGuardian(participantId);
    }

    private boolean isStaffOf(String orgCode) {
        return orgCode != null && isStaff() && caller.org().get().equalsIgnoreCase(orgCode);
    }

    private boolean isStaff() {
        return caller.hasAny(Role.PROVIDER_STAFF, Role.CASE_MANAGER) && caller.org().isPresent();
    }
}
