package io.steward.participants;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A youth's profile as the API shows it to a caller who may read it. */
public record ParticipantView(
        UUID id,
        String firstName,
        String lastName,
        LocalDate dateOfBirth,
        String gradeLevel,
        String districtCode,
        String districtStudentId,
        String schoolCode,
        List<GuardianView> guardians,
        Instant createdAt) {

    /** A guardian named on the record. */
    public record GuardianView(String name, String relationship, String email, String phone) {}

    /** The answer to a post that matched an existing youth: its id and nothing more. */
    public record Matched(UUID id) {}
}
