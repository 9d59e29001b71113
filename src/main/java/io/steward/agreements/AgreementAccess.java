package io.steward.agreements;

import io.steward.common.ApiException;
import io.steward.security.Caller;
import io.steward.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Who may see and act on an agreement. The city admin sees all; a district steward sees its
 * district's and alone signs them and uploads their records; the recipient's staff (evaluator,
 * provider staff, case manager of the recipient organization) see theirs. Termination is open to
 * either party and to the city. An agreement a caller cannot see answers 404.
 */
@ApplicationScoped
public class AgreementAccess {

    @Inject Caller caller;

    public boolean canSee(Agreement a) {
        return caller.has(Role.CITY_ADMIN) || isDistrictSteward(a) || isRecipientStaff(a);
    }

    public void checkSee(Agreement a) {
        if (!canSee(a)) {
            throw ApiException.notFound();
        }
    }

    public void checkSign(Agreement a) {
        checkSee(a);
        if (!isDistrictSteward(a)) {
            throw ApiException.forbidden();
        }
    }

    public void checkTerminate(Agreement a) {
        checkSee(a);
    }

    /** Uploads come only from the steward of the agreement's own district. */
    public void checkUpload(Agreement a) {
        checkSign(a);
    }

    public boolean isDistrictSteward(Agreement a) {
        return caller.has(Role.DISTRICT_STEWARD) && isOrg(a.district.code);
    }

    /** The district code a steward's list is limited to, or null. */
    public String stewardDistrict() {
        return caller.has(Role.DISTRICT_STEWARD) ? caller.org().orElse(null) : null;
    }

    /** The recipient code the list of recipient staff is limited to, or null. */
    public String recipientOrg() {
        return caller.hasAny(Role.EVALUATOR, Role.PROVIDER_STAFF, Role.CASE_MANAGER)
                ? caller.org().orElse(null)
                : null;
    }

    private boolean isRecipientStaff(Agreement a) {
        return caller.hasAny(Role.EVALUATOR, Role.PROVIDER_STAFF, Role.CASE_MANAGER)
                && isOrg(a.recipient.code);
    }

    private boolean isOrg(String code) {
        return caller.org().map(org -> org.equalsIgnoreCase(code)).orElse(false);
    }
}
