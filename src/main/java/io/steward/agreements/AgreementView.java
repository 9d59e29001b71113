package io.steward.agreements;

import io.steward.schooldata.DataCategory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An agreement as the API shows it, with its status on the day of the answer (UTC). */
public record AgreementView(
        UUID id,
        String districtCode,
        String recipientCode,
        Agreement.Basis basis,
        String purpose,
        List<DataCategory> dataCategories,
        LocalDate effectiveFrom,
        LocalDate effectiveUntil,
        LocalDate destroyBy,
        int minimumCellSize,
        Agreement.Status status,
        Instant createdAt,
        Instant signedAt,
        Instant endedAt,
        String endReason) {

    static AgreementView of(Agreement a, LocalDate today) {
        return new AgreementView(
                a.id,
                a.district.code,
                a.recipient.code,
                a.basis,
                a.purpose,
                DataCategory.sorted(a.categories()),
                a.effectiveFrom,
                a.effectiveUntil,
                a.destroyBy,
                a.minimumCellSize,
                a.status(today),
                a.createdAt,
                a.signedAt,
                a.endedAt,
                a.endReason);
    }
}
