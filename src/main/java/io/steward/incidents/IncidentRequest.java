package io.steward.incidents;

import io.steward.common.MultiLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A suspected breach: who may have misused access, and in which window. */
public record IncidentRequest(
        @NotBlank @Size(max = 200) String title,
        @NotNull Instant discoveredAt,
        @NotBlank @Size(max = 200) String suspectedActor,
        @NotNull Instant windowFrom,
        @NotNull Instant windowTo,
        @Size(max = 10_000) @MultiLine String description) {}
