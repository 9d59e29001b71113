package io.steward.imports.job;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Writes the youth that a batch of rows creates, in the job's writing transaction: their
 * participant rows, then their guardians, then their enrollments, each with one binary COPY. The
 * fields were sealed off this thread, bound to the ids given here ({@link SealedRow}).
 */
final class YouthCopy {

    private static final String PARTICIPANTS =
            "copy participant (id, first_name, last_name, date_of_birth, grade_level,"
                    + " district_code, district_student_id, school_code, student_key, created_at)"
                    + " from stdin (format binary)";
    private static final String GUARDIANS =
            "copy guardian (id, participant_id, position, name, relationship_sealed, email)"
                    + " from stdin (format binary)";
    private static final String ENROLLMENTS =
            "copy enrollment (id, program_id, participant_id, start_date, status, created_at)"
                    + " from stdin (format binary)";

    private final Connection connection;
    private final Instant createdAt;
    private ByteBuffer buffer = PgCopy.newBuffer();

    YouthCopy(Connection connection, Instant createdAt) {
        this.connection = connection;
        this.createdAt = createdAt;
    }

    Connection connection() {
        return connection;
    }

    /** Writes the youth of these rows, each enrolled in its row's program; the number written. */
    long write(List<SealedRow> news) throws SQLException {
        if (news.isEmpty()) {
            return 0;
        }
        long created;
        try (PgCopy copy = PgCopy.start(connection, PARTICIPANTS, buffer)) {
            for (SealedRow row : news) {
                participant(copy, row);
            }
            created = copy.finish();
            buffer = copy.buffer();
        }
        if (news.stream().anyMatch(r -> r.guardianId() != null)) {
            try (PgCopy copy = PgCopy.start(connection, GUARDIANS, buffer)) {
                for (SealedRow row : news) {
                    if (row.guardianId() != null) {
                        guardian(copy, row);
                    }
                }
                copy.finish();
                buffer = copy.buffer();
            }
        }
        try (PgCopy copy = PgCopy.start(connection, ENROLLMENTS, buffer)) {
            for (SealedRow row : news) {
                copy.row(6)
                        .uuid(UUID.randomUUID())
                        .uuid(row.row().programId())
                        .uuid(row.participantId())
                        .date(row.row().startDate())
                        .text("ACTIVE")
                        .timestamp(createdAt);
            }
            copy.finish();
            buffer = copy.buffer();
        }
        return created;
    }

    private void participant(PgCopy copy, SealedRow sealed) throws SQLException {
        CheckedRow row = sealed.row();
        copy.row(10)
                .uuid(sealed.participantId())
                .bytes(sealed.firstName())
                .bytes(sealed.lastName())
                .bytes(sealed.dateOfBirth())
                .text(row.gradeLevel())
                .text(row.districtCode())
                .bytes(sealed.districtStudentId())
                .text(row.schoolCode())
                .bytes(sealed.studentKey())
                .timestamp(createdAt);
    }

    private void guardian(PgCopy copy, SealedRow sealed) throws SQLException {
        copy.row(6)
                .uuid(sealed.guardianId())
                .uuid(sealed.participantId())
                .int4(0)
                .bytes(sealed.guardianName())
                .bytes(sealed.guardianRelationship())
                .bytes(sealed.guardianEmail());
    }
}
