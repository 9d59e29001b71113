package io.steward.imports.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.steward.audit.Outcome;
import io.steward.imports.ImportConfig;
import io.steward.imports.ImportJob;
import io.steward.imports.ImportJobs;
import io.steward.imports.file.RowSource;
import io.steward.imports.file.Spool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The second pass of a job whose every row passed, in one transaction: new youth and their
 * guardians are sealed and streamed with binary COPY ({@link YouthCopy}), enrollments are inserted
 * from the staged rows with set-based SQL (no per-row statements), the job's success is recorded,
 * and its audit events are appended last. Writers of different jobs take turns (an advisory lock).
 */
@ApplicationScoped
class ImportWriter {

    static final long WRITE_LOCK = 0x5354_4557_494d_5054L;

    /** Youth new to the service cannot be enrolled yet: a plain insert. */
    private static final String ENROLL_NEW =
            "insert into enrollment (id, program_id, participant_id, start_date, status,"
                    + " created_at) select gen_random_uuid(), program_id, participant_id,"
                    + " start_date, 'ACTIVE', now() from import_row where job_id = ?"
                    + " and kind in ('NEW', 'REPEAT')";

    /** Existing youth may already be active in the program: those rows are skipped. */
    private static final String ENROLL_EXISTING =
            "insert into enrollment (id, program_id, participant_id, start_date, status,"
                    + " created_at) select gen_random_uuid(), program_id, participant_id,"
                    + " start_date, 'ACTIVE', now() from import_row where job_id = ?"
                    + " and kind = 'EXISTING'"
                    + " on conflict (program_id, participant_id) where status = 'ACTIVE'"
                    + " do nothing";

    private static final String MATCHED =
            "select count(distinct participant_id) from import_row"
                    + " where job_id = ? and kind = 'EXISTING'";

    @Inject EntityManager em;
    @Inject AgroalDataSource dataSource;
    @Inject ImportJobs jobs;
    @Inject ImportAudit audit;
    @Inject ImportConfig config;
    @Inject RowCipher cipher;
    @Inject ObjectMapper mapper;

    ImportJob.Counts write(ImportJob job, Spool spool, long rows) throws SQLException {
        // The staged new rows are read on a connection of their own, opened outside the
        // transaction, while the transaction's connection is busy copying.
        try (Connection reader = dataSource.getConnection()) {
            reader.setAutoCommit(false);
            try (NewRows news = NewRows.open(reader, job.id());
                    RowSource source = RowSource.open(spool, mapper, config.maxRowBytes())) {
                return QuarkusTransaction.requiringNew()
                        .timeout((int) config.writeTimeout().toSeconds())
                        .call(() -> inTransaction(job, source, news, rows));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                reader.rollback();
                reader.setAutoCommit(true);
            }
        }
    }

    private ImportJob.Counts inTransaction(
            ImportJob job, RowSource source, NewRows news, long rows) {
        ImportJob.Counts counts =
                em.unwrap(Session.class)
                        .doReturningWork(c -> insert(c, job.id(), source, news, rows));
        jobs.succeed(job.id(), rows, counts);
        audit.record(job, Outcome.SUCCESS, List.of("NEW", "EXISTING"));
        return counts;
    }

    private ImportJob.Counts insert(
            Connection c, UUID jobId, RowSource source, NewRows news, long rows)
            throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
            lock.setLong(1, WRITE_LOCK);
            lock.execute();
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long created = YouthCopy.copy(c, source, news, cipher, now);
        long enrolled = update(c, ENROLL_NEW, jobId) + update(c, ENROLL_EXISTING, jobId);
        long matched;
        try (PreparedStatement query = c.prepareStatement(MATCHED)) {
            query.setObject(1, jobId);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                matched = rs.getLong(1);
            }
        }
        return new ImportJob.Counts(created, matched, enrolled, rows - enrolled);
    }

    private static long update(Connection c, String sql, UUID jobId) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setObject(1, jobId);
            return statement.executeLargeUpdate();
        }
    }
}
