package io.steward.imports.job;

import io.steward.imports.file.RawRow;
import io.steward.imports.file.RowSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Pass two's writing of new youth: walks the file again beside the staged new rows, seals each new
 * youth's fields (bound to its participant or guardian row) and streams them with binary COPY in
 * batches, participants then their guardians, so that memory holds one batch at most and sealing
 * runs while the database takes the previous rows.
 */
final class YouthCopy {

    static final int BATCH = 5000;
    private static final String PARTICIPANTS =
            "copy participant (id, first_name, last_name, date_of_birth, grade_level,"
                    + " district_code, district_student_id, school_code, student_key, created_at)"
                    + " from stdin (format binary)";
    private static final String GUARDIANS =
            "copy guardian (id, participant_id, position, name, relationship_sealed, email)"
                    + " from stdin (format binary)";

    private record Pending(CheckedRow row, NewRows.New youth) {}

    private final Connection connection;
    private final RowCipher cipher;
    private final Instant createdAt;
    private final List<Pending> batch = new ArrayList<>(BATCH);
    private long created;

    private YouthCopy(Connection connection, RowCipher cipher, Instant createdAt) {
        this.connection = connection;
        this.cipher = cipher;
        this.createdAt = createdAt;
    }

    /** Writes every new youth; the number written. */
    static long copy(
            Connection connection,
            RowSource source,
            NewRows news,
            RowCipher cipher,
            Instant createdAt)
            throws SQLException {
        YouthCopy copy = new YouthCopy(connection, cipher, createdAt);
        ErrorList none = new ErrorList(1);
        for (RawRow raw = source.next(); raw != null; raw = source.next()) {
            NewRows.New youth = news.take(raw.row());
            if (youth == null) {
                continue;
            }
            CheckedRow row = RowCheck.check(raw, none);
            if (row == null) {
                throw new IllegalStateException("STW-IMPORT-0030 row changed between passes");
            }
            copy.add(new Pending(row, youth));
        }
        if (!news.exhausted()) {
            throw new IllegalStateException("STW-IMPORT-0031 file shorter in pass two");
        }
        copy.flush();
        return copy.created;
    }

    private void add(Pending pending) throws SQLException {
        batch.add(pending);
        if (batch.size() == BATCH) {
            flush();
        }
    }

    private void flush() throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        try (PgCopy copy = PgCopy.start(connection, PARTICIPANTS)) {
            for (Pending p : batch) {
                participant(copy, p.row(), p.youth());
            }
            created += copy.finish();
        }
        if (batch.stream().anyMatch(p -> p.row().hasGuardian())) {
            try (PgCopy copy = PgCopy.start(connection, GUARDIANS)) {
                for (Pending p : batch) {
                    if (p.row().hasGuardian()) {
                        guardian(copy, p.row(), p.youth().participantId());
                    }
                }
                copy.finish();
            }
        }
        batch.clear();
    }

    private void participant(PgCopy copy, CheckedRow row, NewRows.New youth) throws SQLException {
        UUID id = youth.participantId();
        copy.row(10)
                .uuid(id)
                .bytes(cipher.participant(row.firstName(), "first_name", id))
                .bytes(cipher.participant(row.lastName(), "last_name", id))
                .bytes(cipher.participant(row.dateOfBirth().toString(), "date_of_birth", id))
                .text(row.gradeLevel())
                .text(row.districtCode())
                .bytes(cipher.participant(row.districtStudentId(), "district_student_id", id))
                .text(row.schoolCode())
                .bytes(youth.studentKey())
                .timestamp(createdAt);
    }

    private void guardian(PgCopy copy, CheckedRow row, UUID participantId) throws SQLException {
        UUID id = UUID.randomUUID();
        copy.row(6)
                .uuid(id)
                .uuid(participantId)
                .int4(0)
                .bytes(cipher.guardian(row.guardianName(), "name", id))
                .bytes(cipher.guardian(row.guardianRelationship(), "relationship", id))
                .bytes(cipher.guardian(row.guardianEmail(), "email", id));
    }
}
