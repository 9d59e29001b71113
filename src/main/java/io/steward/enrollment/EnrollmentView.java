package io.steward.enrollment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An enrollment as the API shows it. */
public record EnrollmentView(
        UUID id,
        UUID programId,
        UUID participantId,
        LocalDate startDate,
        LocalDate endDate,
        EnrollmentStatus status,
        String withdrawalReason,
        Instant createdAt) {

    static EnrollmentView of(Enrollment e, String withdrawalReason) {
        return new EnrollmentView(
                e.id,
                e.programId,
                e.participantId,
                e.startDate,
                e.endDate,
                e.status,
                withdrawalReason,
                e.createdAt);
    }
}
