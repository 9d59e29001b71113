package io.steward.imports.job;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.steward.audit.Outcome;
import io.steward.imports.ImportConfig;
import io.steward.imports.ImportJob;
import io.steward.imports.ImportJobs;
import io.steward.participants.MatchLimitConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * The writing transaction of a job, open while its rows are checked: while no row has failed, the
 * youth that rows create are written at once ({@link Staging}, {@link YouthCopy}); after the last
 * row, the checks across rows run on the staged rows, and only if nothing failed are the
 * enrollments of youth found before (existing, or created by an earlier row) inserted with
 * set-based SQL, the job's success recorded and its audit events appended last. Otherwise the
 * transaction rolls back, leaving nothing. Writers of different jobs take turns (an advisory lock).
 */
@ApplicationScoped
class ImportWriter {

    static final long WRITE_LOCK = 0x5354_4557_494d_5054L;
    private static final Logger LOG = Logger.getLogger(ImportWriter.class);

    /** Later rows of a youth this job created enroll it in another program: a plain insert. */
    private static final String ENROLL_REPEAT =
            "insert into enrollment (id, program_id, participant_id, start_date, status,"
                    + " created_at) select gen_random_uuid(), program_id, participant_id,"
                    + " start_date, 'ACTIVE', ? from import_row where job_id = ?"
                    + " and kind = 'REPEAT'";

    /** Existing youth may already be active in the program: those rows are skipped. */
    private static final String ENROLL_EXISTING =
            "insert into enrollment (id, program_id, participant_id, start_date, status,"
                    + " created_at) select gen_random_uuid(), program_id, participant_id,"
                    + " start_date, 'ACTIVE', ? from import_row where job_id = ?"
                    + " and kind = 'EXISTING'"
                    + " on conflict (program_id, participant_id) where status = 'ACTIVE'"
                    + " do nothing";

    private static final String MATCHED =
            "select count(distinct participant_id) from import_row"
                    + " where job_id = ? and kind = 'EXISTING'";

    /** Reports rows read so far. */
    interface Progress {
        void read(long rows);
    }

    @Inject EntityManager em;
    @Inject ImportJobs jobs;
    @Inject ImportAudit audit;
    @Inject ImportConfig config;
    @Inject MatchLimitConfig matchLimit;

    /** The counts of a job that wrote its rows, or null when a row failed (errors says which). */
    ImportJob.Counts write(
            ImportJob job, Staging staging, RowReader reader, ErrorList errors, Progress progress) {
        try {
            return QuarkusTransaction.requiringNew()
                    .timeout((int) config.writeTimeout().toSeconds())
                    .call(() -> inTransaction(job, staging, reader, errors, progress));
        } catch (RowsFailed e) {
            return null;
        }
    }

    /** Rolls the writing transaction back when a row failed. */
    private static final class RowsFailed extends RuntimeException {
        RowsFailed() {
            super("rows failed", null, false, false);
        }
    }

    private ImportJob.Counts inTransaction(
            ImportJob job, Staging staging, RowReader reader, ErrorList errors, Progress progress) {
        long[] rows = new long[1];
        ImportJob.Counts counts =
                em.unwrap(Session.class)
                        .doReturningWork(c -> run(c, job, staging, reader, errors, progress, rows));
        if (counts == null) {
            throw new RowsFailed();
        }
        long t = System.nanoTime();
        jobs.succeed(job.id(), rows[0], counts);
        audit.record(job, Outcome.SUCCESS, List.of("NEW", "EXISTING"));
        LOG.debugf(
                "STW-IMPORT-0004 job %s: outcome and audit in %d ms",
                job.id(), (System.nanoTime() - t) / 1_000_000);
        return counts;
    }

    private ImportJob.Counts run(
            Connection c,
            ImportJob job,
            Staging staging,
            RowReader reader,
            ErrorList errors,
            Progress progress,
            long[] rows)
            throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
            lock.setLong(1, WRITE_LOCK);
            lock.execute();
        }
        long t0 = System.nanoTime();
        // One creation time for every enrollment the job makes, new youth or found ones.
        Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        YouthCopy writer = new YouthCopy(c, createdAt);
        try {
            for (RowReader.Batch batch = reader.next(); batch != null; batch = reader.next()) {
                errors.addAll(batch.errors());
                staging.stage(batch.rows(), writer);
                rows[0] = batch.rowsRead();
                progress.read(rows[0]);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("STW-IMPORT-0033 interrupted");
        }
        staging.finish();
        long t1 = System.nanoTime();
        StagedChecks.check(staging.lookups(), job.id(), limits(job), errors);
        long t2 = System.nanoTime();
        if (!errors.isEmpty()) {
            return null;
        }
        long enrolled =
                staging.created()
                        + update(c, ENROLL_REPEAT, job.id(), createdAt)
                        + update(c, ENROLL_EXISTING, job.id(), createdAt);
        long matched;
        try (PreparedStatement query = c.prepareStatement(MATCHED)) {
            query.setObject(1, job.id());
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                matched = rs.getLong(1);
            }
        }
        LOG.debugf(
                "STW-IMPORT-0003 job %s: read, staged and wrote new youth in %d ms, checked"
                        + " across rows in %d ms, enrolled the others in %d ms",
                job.id(),
                (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000,
                (System.nanoTime() - t2) / 1_000_000);
        return new ImportJob.Counts(staging.created(), matched, enrolled, rows[0] - enrolled);
    }

    private StagedChecks.MatchLimits limits(ImportJob job) {
        return new StagedChecks.MatchLimits(
                job.subject(),
                matchLimit.perKey(),
                matchLimit.perCaller(),
                matchLimit.window().toSeconds());
    }

    private static long update(Connection c, String sql, UUID jobId, Instant createdAt)
            throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setObject(1, createdAt.atOffset(ZoneOffset.UTC));
            statement.setObject(2, jobId);
            return statement.executeLargeUpdate();
        }
    }
}
