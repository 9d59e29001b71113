package io.steward.enrollment;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;

/** Enrolls a youth the caller may enroll (see ParticipantAccess#canEnroll) in the program. */
public record EnrollmentRequest(
        @NotNull UUID participantId, @NotNull LocalDate startDate, LocalDate endDate) {}
