package io.steward.imports.job;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A row that passed the checks that need no database: text stripped, names in Unicode NFC, empty
 * optional values as null.
 */
record CheckedRow(
        long row,
        UUID programId,
        String firstName,
        String lastName,
        LocalDate dateOfBirth,
        String gradeLevel,
        String districtCode,
        String districtStudentId,
        String schoolCode,
        String guardianName,
        String guardianRelationship,
        String guardianEmail,
        LocalDate startDate) {

    boolean hasStudentKey() {
        return districtCode != null;
    }

    boolean hasGuardian() {
        return guardianName != null;
    }
}
