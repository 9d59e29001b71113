package io.steward.disclosures;

import io.steward.schooldata.DataCategory;
import java.util.Set;
import java.util.UUID;

/**
 * One disclosure to record (FERPA 99.32): which participant's records, of which categories and how
 * many, went to whom ({@code recipientCode}: the receiving organization, null for a parent), on
 * which basis and for which purpose. {@code sourceDistrictId} is the district the records came
 * from. The actor is the caller of the request that discloses.
 */
public record DisclosureEntry(
        UUID participantId,
        String recipientCode,
        String actorRole,
        Set<DataCategory> categories,
        Basis basis,
        UUID consentId,
        UUID agreementId,
        UUID sourceDistrictId,
        String purpose,
        int records) {

    /** The lawful route of a disclosure. */
    public enum Basis {
        CONSENT,
        AGREEMENT
    }
}
