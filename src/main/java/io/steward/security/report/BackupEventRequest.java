package io.steward.security.report;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A completed backup or restore drill, reported by the operators' tooling. */
public record BackupEventRequest(
        @NotNull
                @Pattern(
                        regexp = "BACKUP|RESTORE_DRILL",
                        message = "must be BACKUP or" + " RESTORE_DRILL")
                String kind,
        @NotNull Instant completedAt,
        @Size(max = 500) String detail) {}
