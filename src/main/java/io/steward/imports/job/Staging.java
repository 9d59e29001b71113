package io.steward.imports.job;

import io.steward.imports.ImportAccess;
import io.steward.imports.ImportJob;
import io.steward.imports.file.Column;
import io.steward.imports.file.RowError;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The first pass of a job, one batch at a time: checks each row's program against the caller's
 * organization, matches youth by student key (one query per batch), gives each new youth its
 * participant id, and streams one row per data row to the unlogged {@code import_row} table with
 * binary COPY: no personal value, only ids, the student key and keyed hashes. Rows that fail are
 * not staged.
 */
final class Staging implements AutoCloseable {

    private static final String COPY =
            "copy import_row (job_id, row_no, kind, program_id, participant_id, student_key,"
                    + " birth_mac, youth_mac, start_date) from stdin (format binary)";
    private static final int PROGRAM_CACHE = 10_000;

    private record Existing(UUID id, LocalDate birth) {}

    private final ImportJob job;
    private final RowCipher cipher;
    private final ErrorList errors;
    private final Connection lookups;
    private final Connection copying;
    private final PgCopy copy;

    /** Program id to its provider's code; "" for no such program. */
    private final Map<UUID, String> programOrg = new HashMap<>();

    private Staging(
            ImportJob job,
            RowCipher cipher,
            ErrorList errors,
            Connection lookups,
            Connection copying)
            throws SQLException {
        this.job = job;
        this.cipher = cipher;
        this.errors = errors;
        this.lookups = lookups;
        this.copying = copying;
        this.copy = PgCopy.start(copying, COPY);
    }

    static Staging open(ImportJob job, DataSource dataSource, RowCipher cipher, ErrorList errors)
            throws SQLException {
        Connection lookups = dataSource.getConnection();
        try {
            return new Staging(job, cipher, errors, lookups, dataSource.getConnection());
        } catch (SQLException | RuntimeException e) {
            lookups.close();
            throw e;
        }
    }

    void stage(List<CheckedRow> batch) throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        loadPrograms(batch);
        byte[][] keys = new byte[batch.size()][];
        for (int i = 0; i < keys.length; i++) {
            CheckedRow row = batch.get(i);
            if (row.hasStudentKey()) {
                keys[i] = cipher.studentKey(row.districtCode(), row.districtStudentId());
            }
        }
        Map<ByteBuffer, Existing> existing = existing(keys);
        for (int i = 0; i < keys.length; i++) {
            stage(batch.get(i), keys[i], existing);
        }
    }

    /** Ends the stream of staged rows; the number staged. */
    long finish() throws SQLException {
        return copy.finish();
    }

    private void stage(CheckedRow row, byte[] key, Map<ByteBuffer, Existing> existing)
            throws SQLException {
        String org = programOrg.get(row.programId());
        if (!ImportAccess.mayImportInto(job, org)) {
            String message =
                    job.cityWide()
                            ? "is not a known program"
                            : "is not a known program of your organization";
            errors.add(RowError.of(row.row(), Column.PROGRAM_ID, message));
            return;
        }
        Existing found = key == null ? null : existing.get(ByteBuffer.wrap(key));
        if (found != null && !found.birth().equals(row.dateOfBirth())) {
            errors.add(
                    RowError.of(
                            row.row(),
                            Column.DISTRICT_STUDENT_ID,
                            "conflicts with an existing youth record"));
            reference(row, "CONFLICT", found.id(), key);
        } else if (found != null) {
            reference(row, "EXISTING", found.id(), key);
        } else {
            create(row, key);
        }
    }

    private void reference(CheckedRow row, String kind, UUID participantId, byte[] key)
            throws SQLException {
        copy.row(9).uuid(job.id()).int8(row.row()).text(kind).uuid(row.programId());
        copy.uuid(participantId).bytes(key).bytes(cipher.birthMac(job.id(), row.dateOfBirth()));
        copy.bytes(null).date(row.startDate());
    }

    private void create(CheckedRow row, byte[] key) throws SQLException {
        copy.row(9).uuid(job.id()).int8(row.row()).text("NEW").uuid(row.programId());
        copy.uuid(UUID.randomUUID()).bytes(key);
        copy.bytes(key == null ? null : cipher.birthMac(job.id(), row.dateOfBirth()));
        copy.bytes(key == null ? cipher.youthMac(job.id(), row) : null).date(row.startDate());
    }

    private void loadPrograms(List<CheckedRow> batch) throws SQLException {
        List<UUID> missing = new ArrayList<>();
        for (CheckedRow row : batch) {
            if (!programOrg.containsKey(row.programId()) && !missing.contains(row.programId())) {
                missing.add(row.programId());
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        if (programOrg.size() > PROGRAM_CACHE) {
            programOrg.clear();
        }
        try (PreparedStatement query =
                lookups.prepareStatement(
                        "select p.id, o.code from program p join organization o"
                                + " on o.id = p.provider_id where p.id = any(?)")) {
            query.setArray(1, lookups.createArrayOf("uuid", missing.toArray()));
            missing.forEach(id -> programOrg.put(id, ""));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    programOrg.put(rs.getObject(1, UUID.class), rs.getString(2));
                }
            }
        }
    }

    private Map<ByteBuffer, Existing> existing(byte[][] keys) throws SQLException {
        List<byte[]> present = new ArrayList<>();
        for (byte[] key : keys) {
            if (key != null) {
                present.add(key);
            }
        }
        Map<ByteBuffer, Existing> found = new HashMap<>();
        if (present.isEmpty()) {
            return found;
        }
        try (PreparedStatement query =
                lookups.prepareStatement(
                        "select id, student_key, date_of_birth from participant"
                                + " where student_key = any(?)")) {
            query.setArray(1, lookups.createArrayOf("bytea", present.toArray(new byte[0][])));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    LocalDate birth = cipher.birthOf(id, rs.getBytes(3));
                    found.put(ByteBuffer.wrap(rs.getBytes(2)), new Existing(id, birth));
                }
            }
        }
        return found;
    }

    @Override
    public void close() throws SQLException {
        try (lookups;
                copying) {
            copy.close();
        }
    }
}
