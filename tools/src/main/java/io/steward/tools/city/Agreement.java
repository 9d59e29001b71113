package io.steward.tools.city;

import java.time.LocalDate;
import java.util.List;

/** A data-sharing agreement between a district and a recipient organization. */
public record Agreement(
        String key,
        String districtCode,
        String recipientCode,
        String basis,
        String purpose,
        List<String> dataCategories,
        LocalDate effectiveFrom,
        LocalDate effectiveUntil,
        LocalDate destroyBy,
        int minimumCellSize) {}
