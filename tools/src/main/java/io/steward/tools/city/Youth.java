package io.steward.tools.city;

import java.time.LocalDate;
import java.util.List;

/**
 * A youth. {@code key} is unique in the city; {@code districtCode} and {@code districtStudentId}
 * are null for a youth the district does not know. The first guardian is the primary contact.
 */
public record Youth(
        String key,
        String firstName,
        String lastName,
        LocalDate dateOfBirth,
        String gradeLevel,
        String districtCode,
        String districtStudentId,
        String schoolCode,
        List<Guardian> guardians) {

    public boolean inDistrict() {
        return districtCode != null && districtStudentId != null;
    }

    public Guardian primaryGuardian() {
        return guardians.isEmpty() ? null : guardians.get(0);
    }
}
