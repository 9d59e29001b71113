package io.steward.schooldata.read;

import io.steward.audit.AuditLog;
import io.steward.audit.Outcome;
import io.steward.common.ApiException;
import io.steward.consent.Consent;
import io.steward.consent.ConsentRepository;
import io.steward.participants.ParticipantAccess;
import io.steward.schooldata.DistrictLink;
import io.steward.security.Caller;
import io.steward.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Who may read a youth's individual academic records.
 *
 * <ul>
 *   <li>A guardian linked to the youth: all records; never a login that may link guardians to it
 *       ({@link ParticipantAccess#isGuardian}), such as one holding a staff role as well.
 *   <li>The steward of a source district (see {@link DistrictLink}): its district's records.
 *   <li>A case manager of a provider that serves the youth: the categories of the consents in
 *       effect today that name its organization; with none, 403 (the youth is known to it).
 *   <li>City admin, provider staff, evaluators, dashboards, auditors: never (403 by role, or as
 *       here when the caller also holds a role that lets it in, and sees the youth).
 * </ul>
 *
 * A youth the caller cannot see answers 404, whether or not it exists.
 */
@ApplicationScoped
public class AcademicRecordAccess {

    @Inject ParticipantAccess participants;
    @Inject DistrictLink districts;
    @Inject ConsentRepository consents;
    @Inject Caller caller;
    @Inject AuditLog audit;

    ReadGrant grant(UUID participantId, LocalDate today) {
        if (participants.isGuardian(participantId)) {
            return new ReadGrant(ReadGrant.Kind.GUARDIAN, Role.GUARDIAN, null, List.of(), null);
        }
        UUID district = districts.stewardDistrict(participantId);
        if (district != null) {
            return new ReadGrant(
                    ReadGrant.Kind.DISTRICT,
                    Role.DISTRICT_STEWARD,
                    caller.org().get(),
                    List.of(),
                    district);
        }
        if (caller.has(Role.CASE_MANAGER) && caller.org().isPresent()) {
            String org = caller.org().get();
            List<Consent> active = consents.activeIfServed(participantId, org, today);
            if (active != null) {
                if (active.isEmpty()) {
                    throw ApiException.forbidden();
                }
                return new ReadGrant(ReadGrant.Kind.CONSENT, Role.CASE_MANAGER, org, active, null);
            }
        }
        if (participants.canRead(participantId)) {
            throw ApiException.forbidden();
        }
        audit.recordAlone(
                "academic-records.read",
                "participants/" + participantId + "/academic-records",
                List.of(participantId),
                Outcome.NOT_FOUND);
        throw ApiException.notFound();
    }
}
