package io.steward.consent;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.steward.consent.ConsentRequest.Method;
import io.steward.schooldata.DataCategory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A consent as the API shows it; {@code revocation} is null until it is revoked. */
public record ConsentView(
        UUID id,
        UUID participantId,
        GrantorView grantor,
        String recipientCode,
        List<DataCategory> dataCategories,
        String purpose,
        LocalDate signedOn,
        LocalDate validFrom,
        LocalDate validUntil,
        Method method,
        EvidenceView evidence,
        Consent.Status status,
        Instant recordedAt,
        String recordedBy,
        @JsonInclude(JsonInclude.Include.ALWAYS) RevocationView revocation) {

    public record GrantorView(String name, String relationship) {}

    public record EvidenceView(String sha256, String mediaType) {}

    public record RevocationView(Instant at, String by, String reason) {}
}
