package io.steward.tools.city;

import java.time.LocalDate;
import java.util.List;

/**
 * A guardian's consent for a youth, recorded by staff of {@code recordedBy} (a provider) from a
 * paper form whose scan has the digest {@code evidenceSha256}.
 */
public record Consent(
        String youthKey,
        String recordedBy,
        Guardian grantor,
        String recipientCode,
        List<String> dataCategories,
        String purpose,
        LocalDate signedOn,
        LocalDate validFrom,
        LocalDate validUntil,
        String method,
        String evidenceSha256,
        String evidenceMediaType) {}
