package io.steward.programs;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A new program. {@code providerCode} defaults to the caller's organization for provider roles. */
public record ProgramRequest(
        @Size(max = 40) String providerCode,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 200) String site,
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate,
        @Min(1) @Max(100_000) Integer capacity) {}
