package io.steward.incidents;

import java.util.List;
import java.util.UUID;

/** Whom to notify: the youth whose records the suspected actor touched, and their districts. */
public record AffectedView(
        UUID incidentId, List<AffectedParticipant> participants, List<AffectedDistrict> districts) {

    public record AffectedParticipant(
            UUID participantId,
            List<String> categories,
            long accessCount,
            List<Contact> guardians) {}

    public record Contact(String name, String relationship, String email, String phone) {}

    public record AffectedDistrict(String districtCode, long participants) {}
}
