package io.steward.disclosures;

import io.steward.audit.AuditLog;
import io.steward.audit.Outcome;
import io.steward.common.ApiException;
import io.steward.participants.ParticipantAccess;
import io.steward.schooldata.DistrictLink;
import io.steward.security.Caller;
import io.steward.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/**
 * Who may read a youth's record of disclosures: a linked guardian (never a login that may link
 * guardians to the youth, see {@link ParticipantAccess#isGuardian}), the city admin and the auditor
 * (all of it), and the steward of a source district (the disclosures of its district's records). A
 * caller let in by one role that sees the youth through another (provider staff who is also a
 * guardian) gets 403; anyone else, or a youth the caller cannot see, 404.
 */
@ApplicationScoped
public class DisclosureAccess {

    /** Which disclosures the caller sees: all, or those of one source district. */
    public record Scope(UUID sourceDistrictId) {
        static final Scope ALL = new Scope(null);
    }

    @Inject ParticipantAccess participants;
    @Inject DistrictLink districts;
    @Inject Caller caller;
    @Inject AuditLog audit;

    public Scope check(UUID participantId) {
        if (participants.isGuardian(participantId)) {
            return Scope.ALL;
        }
        if (caller.hasAny(Role.CITY_ADMIN, Role.AUDITOR) && participants.exists(participantId)) {
            return Scope.ALL;
        }
        UUID district = districts.stewardDistrict(participantId);
        if (district != null) {
            return new Scope(district);
        }
        if (participants.canRead(participantId)) {
            throw ApiException.forbidden();
        }
        audit.recordAlone(
                "disclosure.list",
                "participants/" + participantId + "/disclosures",
                List.of(participantId),
                Outcome.NOT_FOUND);
        throw ApiException.notFound();
    }
}
