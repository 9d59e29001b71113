package io.steward.enrollment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Ends an enrollment on a date. The reason is a short code-like note, not a narrative. */
public record WithdrawalRequest(
        @NotNull LocalDate endDate,
        @Size(max = 200)
                @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
                String reason) {}
