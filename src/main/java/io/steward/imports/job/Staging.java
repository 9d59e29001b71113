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
 * The checking of a job, one batch at a time, beside its writing: checks each row's program against
 * the caller's organization, matches youth by student key (one query per batch), and streams one
 * row per data row to the unlogged {@code import_row} table with binary COPY: no personal value,
 * only ids, the student key and keyed hashes. Rows that fail are not staged.
 *
 * <p>While no row has failed, the youth that rows create are written at once, in the job's writing
 * transaction ({@link YouthCopy}); a later row with the key of one of them names that youth (a
 * {@code REPEAT}); it is told apart from youth committed before by the transaction id that wrote
 * it. Once a row has failed, youth are looked up outside that transaction.
 */
final class Staging implements AutoCloseable {

    private static final String COPY =
            "copy import_row (job_id, row_no, kind, program_id, participant_id, student_key,"
                    + " birth_mac, youth_mac, start_date) from stdin (format binary)";
    private static final String FIND =
            // A join, not "= any(?)": a plan cached while the table was small could otherwise
            // compare every row with every key of the batch.
            "select p.id, p.student_key, p.date_of_birth"
                    + " from unnest(?::bytea[]) as k (student_key)"
                    + " join participant p on p.student_key = k.student_key";
    private static final String FIND_OURS =
            "select p.id, p.student_key, p.date_of_birth, p.xmin = pg_current_xact_id()::xid"
                    + " from unnest(?::bytea[]) as k (student_key)"
                    + " join participant p on p.student_key = k.student_key";
    private static final int PROGRAM_CACHE = 10_000;

    private record Existing(UUID id, LocalDate birth) {}

    private final ImportJob job;
    private final RowCipher cipher;
    private final ErrorList errors;
    private final Connection lookups;
    private final Connection copying;
    private final PgCopy copy;
    private final Connection direct;
    private long created;

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
        this.direct = lookups.unwrap(Connection.class);
    }

    /**
     * Opens its connections; call it outside any transaction, so that they join none. They are used
     * while the job's writing transaction is open, through the driver's connection (the pool would
     * refuse a connection that joined no transaction then): their statements commit on their own.
     */
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

    /**
     * Checks and stages a batch; while no row has failed, also writes the youth it creates with the
     * writer (on the writing transaction's connection).
     */
    void stage(List<SealedRow> batch, YouthCopy writer) throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        loadPrograms(batch);
        List<byte[]> keys = new ArrayList<>();
        for (SealedRow row : batch) {
            if (row.studentKey() != null) {
                keys.add(row.studentKey());
            }
        }
        boolean writing = errors.isEmpty();
        Map<ByteBuffer, Existing> existing = new HashMap<>();
        Map<ByteBuffer, Existing> ours = new HashMap<>();
        find(writing ? writer.connection() : direct, writing, keys, existing, ours);
        Map<ByteBuffer, UUID> earlier = new HashMap<>();
        List<SealedRow> news = new ArrayList<>(batch.size());
        for (SealedRow row : batch) {
            stage(row, existing, ours, earlier, news);
        }
        if (writing && errors.isEmpty()) {
            created += writer.write(news);
        }
    }

    /** Ends the stream of staged rows; the number staged. */
    long finish() throws SQLException {
        return copy.finish();
    }

    /** The youth written so far. */
    long created() {
        return created;
    }

    /** The connection of lookups and checks, outside the writing transaction. */
    Connection lookups() {
        return direct;
    }

    private void stage(
            SealedRow sealed,
            Map<ByteBuffer, Existing> existing,
            Map<ByteBuffer, Existing> ours,
            Map<ByteBuffer, UUID> earlier,
            List<SealedRow> news)
            throws SQLException {
        CheckedRow row = sealed.row();
        String org = programOrg.get(row.programId());
        if (!ImportAccess.mayImportInto(job, org)) {
            String message =
                    job.cityWide()
                            ? "is not a known program"
                            : "is not a known program of your organization";
            errors.add(RowError.of(row.row(), Column.PROGRAM_ID, message));
            return;
        }
        byte[] key = sealed.studentKey();
        ByteBuffer k = key == null ? null : ByteBuffer.wrap(key);
        Existing found = k == null ? null : existing.get(k);
        if (found != null && !found.birth().equals(row.dateOfBirth())) {
            // Reported by StagedChecks for the key's first row only, so that a file repeating one
            // key with many birth dates cannot tell which of them is the youth's.
            reference(sealed, "CONFLICT", found.id());
        } else if (found != null) {
            reference(sealed, "EXISTING", found.id());
        } else if (k != null && ours.containsKey(k)) {
            // Created by an earlier row of this file; the checks across rows compare the two.
            reference(sealed, "REPEAT", ours.get(k).id());
        } else if (k != null && earlier.containsKey(k)) {
            reference(sealed, "REPEAT", earlier.get(k));
        } else {
            create(sealed);
            news.add(sealed);
            if (k != null) {
                earlier.put(k, sealed.participantId());
            }
        }
    }

    private void reference(SealedRow sealed, String kind, UUID participantId) throws SQLException {
        CheckedRow row = sealed.row();
        copy.row(9).uuid(job.id()).int8(row.row()).text(kind).uuid(row.programId());
        copy.uuid(participantId).bytes(sealed.studentKey()).bytes(sealed.birthMac());
        copy.bytes(null).date(row.startDate());
    }

    private void create(SealedRow sealed) throws SQLException {
        CheckedRow row = sealed.row();
        copy.row(9).uuid(job.id()).int8(row.row()).text("NEW").uuid(row.programId());
        copy.uuid(sealed.participantId()).bytes(sealed.studentKey()).bytes(sealed.birthMac());
        copy.bytes(sealed.youthMac()).date(row.startDate());
    }

    private void loadPrograms(List<SealedRow> batch) throws SQLException {
        List<UUID> missing = new ArrayList<>();
        for (SealedRow sealed : batch) {
            CheckedRow row = sealed.row();
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
                direct.prepareStatement(
                        "select p.id, o.code from unnest(?::uuid[]) as k (id)"
                                + " join program p on p.id = k.id"
                                + " join organization o on o.id = p.provider_id")) {
            query.setArray(1, direct.createArrayOf("uuid", missing.toArray()));
            missing.forEach(id -> programOrg.put(id, ""));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    programOrg.put(rs.getObject(1, UUID.class), rs.getString(2));
                }
            }
        }
    }

    /**
     * Finds the youth of these keys: those committed before (existing) and, in the writing
     * transaction, those this job created (its own rows carry the transaction's id as xmin; frozen
     * rows show another).
     */
    private void find(
            Connection c,
            boolean inTransaction,
            List<byte[]> keys,
            Map<ByteBuffer, Existing> existing,
            Map<ByteBuffer, Existing> ours)
            throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement query = c.prepareStatement(inTransaction ? FIND_OURS : FIND)) {
            query.setArray(1, c.createArrayOf("bytea", keys.toArray(new byte[0][])));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    ByteBuffer key = ByteBuffer.wrap(rs.getBytes(2));
                    if (inTransaction && rs.getBoolean(4)) {
                        ours.put(key, new Existing(id, null));
                    } else {
                        existing.put(key, new Existing(id, cipher.birthOf(id, rs.getBytes(3))));
                    }
                }
            }
        }
    }

    @Override
    public void close() throws SQLException {
        try (lookups;
                copying) {
            copy.close();
        }
    }
}
