package io.steward.imports.job;

import java.util.UUID;

/**
 * A checked row made ready to write, off the writing thread: the ids its youth and guardian would
 * get if the row creates a youth, its fields sealed to those rows, the student key and the keyed
 * hashes that staging compares. Sealed fields of a row that turns out to name a youth found before
 * are never written.
 */
record SealedRow(
        CheckedRow row,
        byte[] studentKey,
        byte[] birthMac,
        byte[] youthMac,
        UUID participantId,
        byte[] firstName,
        byte[] lastName,
        byte[] dateOfBirth,
        byte[] districtStudentId,
        UUID guardianId,
        byte[] guardianName,
        byte[] guardianRelationship,
        byte[] guardianEmail) {

    static SealedRow of(CheckedRow row, RowCipher cipher, UUID jobId) {
        byte[] key =
                row.hasStudentKey()
                        ? cipher.studentKey(row.districtCode(), row.districtStudentId())
                        : null;
        UUID id = UUID.randomUUID();
        UUID guardian = row.hasGuardian() ? UUID.randomUUID() : null;
        return new SealedRow(
                row,
                key,
                key == null ? null : cipher.birthMac(jobId, row.dateOfBirth()),
                key == null ? cipher.youthMac(jobId, row) : null,
                id,
                cipher.participant(row.firstName(), "first_name", id),
                cipher.participant(row.lastName(), "last_name", id),
                cipher.participant(row.dateOfBirth().toString(), "date_of_birth", id),
                cipher.participant(row.districtStudentId(), "district_student_id", id),
                guardian,
                guardian == null ? null : cipher.guardian(row.guardianName(), "name", guardian),
                guardian == null
                        ? null
                        : cipher.guardian(row.guardianRelationship(), "relationship", guardian),
                guardian == null ? null : cipher.guardian(row.guardianEmail(), "email", guardian));
    }
}
