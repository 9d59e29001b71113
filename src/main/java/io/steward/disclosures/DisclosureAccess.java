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
 * Who may read a youth's record of disclosures: a linked guardian, the city admin and the auditor
 * (all of it), and the steward of a source district (the disclosures of its district's records).
 * Anyone else, or a youth the caller cannot see, gets 404.
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
        if (caller.has(Role.GUARDIAN)
                && participants.isLinkedGuardian(participantId, caller.subject())) {
            return Scope.ALL;
        }
        if (caller.hasAny(Role.CITY_ADMIN, Role.AUDITOR) && participants.exists(participantId)) {
            return Scope.ALL;
        }
        UUID district = districts.stewardDistrict(participantId);
        if (district != null) {
            return new Scope(district);
        }
        audit.recordAlone(
                "disclosure.list",
                "participants/" + participantId + "/disclosures",
                List.of(participantId),
                Outcome.NOT_FOUND);
        throw ApiException.notFound();
    }
}
