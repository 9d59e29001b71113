package io.steward.consent;

import io.steward.consent.ConsentRequest.Method;
import io.steward.schooldata.DataCategory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * A consent as stored, with its revocation if there is one. Rows are never updated (except that a
 * relationship an earlier version stored in plaintext is sealed in place): the version seen in
 * {@code ETag} counts the facts recorded about the consent (0, or 1 once revoked). {@code
 * plaintextRelationship} is only set for a row the previous version wrote and that is not sealed
 * yet; {@code grantorRelationship} is the envelope otherwise.
 */
public record Consent(
        UUID id,
        UUID participantId,
        byte[] grantorName,
        byte[] grantorRelationship,
        String plaintextRelationship,
        String recipientCode,
        Set<DataCategory> dataCategories,
        String purpose,
        LocalDate signedOn,
        LocalDate validFrom,
        LocalDate validUntil,
        Method method,
        String evidenceSha256,
        String evidenceMediaType,
        Instant recordedAt,
        String recordedBy,
        String recordedByOrg,
        Instant revokedAt,
        String revokedBy,
        byte[] revocationReason) {

    /** The derived status of a consent on a day (UTC). */
    public enum Status {
        /** Valid from a later day. */
        PENDING,
        ACTIVE,
        REVOKED,
        EXPIRED
    }

    public Status status(LocalDate today) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        if (today.isAfter(validUntil)) {
            return Status.EXPIRED;
        }
        return today.isBefore(validFrom) ? Status.PENDING : Status.ACTIVE;
    }

    public long version() {
        return revokedAt == null ? 0 : 1;
    }
}
