package io.steward.imports.job;

import io.steward.crypto.BlindIndex;
import io.steward.crypto.Envelope;
import io.steward.crypto.FieldContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

/**
 * The crypto of an import: fields sealed in scope {@code participant}, bound to the participant or
 * guardian row they will be stored in; the student key; and keyed hashes that let the staged rows
 * of one job be compared without holding any personal value in clear.
 */
@ApplicationScoped
class RowCipher {

    static final String SCOPE = "participant";

    @Inject Envelope envelope;
    @Inject BlindIndex blindIndex;

    /** The natural key as every feature computes it: trimmed, lower case, keyed blind index. */
    byte[] studentKey(String districtCode, String districtStudentId) {
        return blindIndex.of(
                "student",
                districtCode.trim().toLowerCase(Locale.ROOT),
                districtStudentId.trim().toLowerCase(Locale.ROOT));
    }

    /** Compares birth dates of rows of one job: keyed, and bound to the job. */
    byte[] birthMac(UUID jobId, LocalDate birth) {
        return blindIndex.of("import-birth", jobId.toString(), birth.toString());
    }

    /** Recognizes the same youth twice in one job when rows carry no student key. */
    byte[] youthMac(UUID jobId, CheckedRow row) {
        return blindIndex.of(
                "import-youth",
                jobId.toString(),
                row.firstName().toLowerCase(Locale.ROOT),
                row.lastName().toLowerCase(Locale.ROOT),
                row.dateOfBirth().toString());
    }

    byte[] participant(String value, String column, UUID participantId) {
        return envelope.encrypt(
                SCOPE, value, FieldContext.of("participant", column, participantId));
    }

    byte[] guardian(String value, String column, UUID guardianId) {
        return envelope.encrypt(SCOPE, value, FieldContext.of("guardian", column, guardianId));
    }

    /** The stored birth date of an existing youth, to compare with a row's. */
    LocalDate birthOf(UUID participantId, byte[] sealed) {
        return LocalDate.parse(
                envelope.decrypt(
                        sealed, FieldContext.of("participant", "date_of_birth", participantId)));
    }
}
