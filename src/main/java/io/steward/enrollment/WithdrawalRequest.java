package io.steward.enrollment;

import io.steward.common.Text;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Ends an enrollment on a date. The reason is a short code-like note, not a narrative. */
public record WithdrawalRequest(
        @NotNull LocalDate endDate,
        @Size(max = 200) @Pattern(regexp = Text.SINGLE_LINE, message = Text.NO_CONTROL)
                String reason) {}
