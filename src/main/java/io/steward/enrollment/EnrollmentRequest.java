package io.steward.enrollment;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;

/** Enrolls an existing youth in the program of the path. */
public record EnrollmentRequest(
        @NotNull UUID participantId, @NotNull LocalDate startDate, LocalDate endDate) {}
