package io.steward.agreements;

import io.steward.schooldata.DataCategory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** A draft agreement, written by the city. {@code minimumCellSize} defaults to 10. */
public record AgreementRequest(
        @NotBlank @Size(max = 40) String districtCode,
        @NotBlank @Size(max = 40) String recipientCode,
        @NotNull Agreement.Basis basis,
        @NotBlank @Size(max = 1000) String purpose,
        @NotEmpty List<@NotNull DataCategory> dataCategories,
        @NotNull LocalDate effectiveFrom,
        @NotNull LocalDate effectiveUntil,
        @NotNull LocalDate destroyBy,
        @Min(value = 5, message = "must be at least 5") @Max(1000) Integer minimumCellSize) {

    public static final int DEFAULT_MINIMUM_CELL_SIZE = 10;
}
