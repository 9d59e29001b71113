package io.steward.disclosures;

import io.steward.schooldata.DataCategory;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A recorded disclosure. {@code consentId} is set when the basis is CONSENT, {@code agreementId}
 * when it is AGREEMENT; {@code recipientCode} is null for a parent's own inspection.
 */
public record DisclosureView(
        UUID id,
        Instant at,
        String recipientCode,
        String actor,
        String actorRole,
        List<DataCategory> categories,
        DisclosureEntry.Basis basis,
        UUID consentId,
        UUID agreementId,
        String sourceDistrictCode,
        String purpose,
        int records) {}
