package io.steward.imports;

import io.steward.common.ApiException;
import io.steward.security.Caller;
import io.steward.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Who may import and see imports. Provider staff and case managers import into their own
 * organization's programs, the city into any program; a job is seen only by callers of the
 * organization that submitted it (others get the same 404 as for an absent job).
 */
@ApplicationScoped
public class ImportAccess {

    @Inject Caller caller;

    /** The organization a submission is made for; 403 when the token names none. */
    public String submittingOrg() {
        return caller.org().orElseThrow(ApiException::forbidden);
    }

    /** Whether the caller's jobs may name programs of any organization. */
    public boolean cityWide() {
        return caller.has(Role.CITY_ADMIN);
    }

    public boolean canSee(ImportJob job) {
        return caller.org().map(org -> org.equalsIgnoreCase(job.orgCode())).orElse(false);
    }

    /** Whether a job may enroll youth in a program run by the provider with this code. */
    public static boolean mayImportInto(ImportJob job, String providerCode) {
        return providerCode != null
                && !providerCode.isEmpty()
                && (job.cityWide() || providerCode.equalsIgnoreCase(job.orgCode()));
    }
}
