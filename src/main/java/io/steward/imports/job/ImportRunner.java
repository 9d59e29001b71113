package io.steward.imports.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.steward.audit.Outcome;
import io.steward.imports.ImportConfig;
import io.steward.imports.ImportJob;
import io.steward.imports.ImportJobs;
import io.steward.imports.file.RawRow;
import io.steward.imports.file.RowError;
import io.steward.imports.file.RowSource;
import io.steward.imports.file.Spool;
import io.steward.imports.file.UnreadableFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Runs one job on a worker thread. Pass one reads the file, checks every row and stages it (with
 * progress written every batch); the checks across rows follow; only if no row failed does pass two
 * write everything in one transaction. Any failure leaves nothing stored but the job's errors and
 * its audit event. Staged rows are removed either way.
 */
@ApplicationScoped
public class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class);
    private static final long PROGRESS_MILLIS = 250;
    private static final String UNIQUE_VIOLATION = "23505";
    private static final List<String> AUDITED_KINDS = List.of("EXISTING", "CONFLICT");
    private static final String INTERRUPTED =
            "This import was interrupted before it finished: the service instance running it"
                    + " stopped. Nothing was stored. Submit the file again.";

    @Inject ImportJobs jobs;
    @Inject ImportConfig config;
    @Inject AgroalDataSource dataSource;
    @Inject RowCipher cipher;
    @Inject ImportWriter writer;
    @Inject ImportAudit audit;
    @Inject ObjectMapper mapper;

    public void run(UUID jobId, Spool spool) {
        ImportJob job = jobs.start(jobId).orElse(null);
        if (job == null) {
            return;
        }
        long started = System.nanoTime();
        ErrorList errors = new ErrorList(config.maxErrors());
        Progress progress = new Progress(job.id());
        try {
            ImportJob.Counts counts = process(job, spool, errors, progress);
            if (counts != null) {
                LOG.infof(
                        "STW-IMPORT-0001 job %s succeeded: %d rows, %d created, %d matched in %d"
                                + " ms",
                        job.id(),
                        progress.rows,
                        counts.created(),
                        counts.matchedExisting(),
                        (System.nanoTime() - started) / 1_000_000);
                return;
            }
            fail(job, progress.rows, errors);
        } finally {
            dropStaging(job.id());
        }
    }

    /**
     * Fails a job whose holder stopped renewing its heartbeat ({@code
     * steward.imports.stale-after}), and audits it; leaves alone a job that finished or whose
     * holder is alive. True when failed.
     */
    public boolean abandon(UUID jobId) {
        ImportJob job = jobs.find(jobId).orElse(null);
        if (job == null) {
            return false;
        }
        List<RowError> errors = List.of(new RowError(null, null, INTERRUPTED));
        boolean failed;
        try {
            failed =
                    QuarkusTransaction.requiringNew()
                            .call(
                                    () -> {
                                        if (!jobs.failStale(jobId, config.staleAfter(), errors)) {
                                            return false;
                                        }
                                        audit.record(job, Outcome.FAILED, AUDITED_KINDS);
                                        return true;
                                    });
        } catch (RuntimeException e) {
            LOG.errorf("STW-IMPORT-0501 job %s not marked failed: %s", jobId, e.getClass());
            return false;
        }
        if (failed) {
            dropStaging(jobId);
            LOG.infof("STW-IMPORT-0004 job %s failed: its instance stopped", jobId);
        }
        return failed;
    }

    /** The counts of a job that wrote its rows, or null when it failed (errors says why). */
    private ImportJob.Counts process(
            ImportJob job, Spool spool, ErrorList errors, Progress progress) {
        try {
            long t0 = System.nanoTime();
            stage(job, spool, errors, progress);
            long t1 = System.nanoTime();
            if (errors.isEmpty()) {
                try (Connection c = dataSource.getConnection()) {
                    StagedChecks.check(c, job.id(), errors);
                    if (errors.isEmpty()) {
                        StagedChecks.resolveRepeats(c, job.id());
                    }
                }
            }
            long t2 = System.nanoTime();
            ImportJob.Counts counts =
                    errors.isEmpty() ? writer.write(job, spool, progress.rows) : null;
            LOG.debugf(
                    "STW-IMPORT-0003 job %s: staged in %d ms, checked in %d ms, wrote in %d ms",
                    job.id(),
                    (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000,
                    (System.nanoTime() - t2) / 1_000_000);
            return counts;
        } catch (RuntimeException | SQLException | IOException e) {
            errors.add(new RowError(null, null, messageFor(e)));
            LOG.errorf("STW-IMPORT-0500 job %s stopped: %s", job.id(), e.getClass().getName());
            LOG.debug("STW-IMPORT-0500 detail", e);
            return null;
        }
    }

    private void stage(ImportJob job, Spool spool, ErrorList errors, Progress progress)
            throws SQLException, IOException {
        List<CheckedRow> batch = new ArrayList<>(config.batchSize());
        try (RowSource source = RowSource.open(spool, mapper, config.maxRowBytes());
                Staging staging = Staging.open(job, dataSource, cipher, errors)) {
            try {
                for (RawRow raw = source.next(); raw != null; raw = source.next()) {
                    progress.rows++;
                    CheckedRow row = RowCheck.check(raw, errors);
                    if (row != null) {
                        batch.add(row);
                    }
                    if (batch.size() == config.batchSize()) {
                        staging.stage(batch);
                        batch.clear();
                    }
                    progress.report(false);
                }
            } catch (UnreadableFile e) {
                errors.add(e.error());
            }
            staging.stage(batch);
            staging.finish();
        }
        progress.report(true);
    }

    /** Rows read so far, written to the job about every {@value #PROGRESS_MILLIS} ms. */
    private final class Progress {
        private final UUID jobId;
        private long rows;
        private long reportedAt = System.currentTimeMillis();

        Progress(UUID jobId) {
            this.jobId = jobId;
        }

        void report(boolean last) {
            long now = System.currentTimeMillis();
            if (last || now - reportedAt >= PROGRESS_MILLIS) {
                jobs.progress(jobId, rows);
                reportedAt = now;
            }
        }
    }

    private void fail(ImportJob job, long rows, ErrorList errors) {
        try {
            QuarkusTransaction.requiringNew()
                    .run(
                            () -> {
                                if (jobs.fail(job.id(), rows, errors.count(), errors.sorted())) {
                                    audit.record(job, Outcome.FAILED, AUDITED_KINDS);
                                }
                            });
        } catch (RuntimeException e) {
            LOG.errorf("STW-IMPORT-0501 job %s not marked failed: %s", job.id(), e.getClass());
        }
        LOG.infof("STW-IMPORT-0002 job %s failed: %d errors", job.id(), errors.count());
    }

    private void dropStaging(UUID jobId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete =
                        c.prepareStatement("delete from import_row where job_id = ?")) {
            delete.setObject(1, jobId);
            delete.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("STW-IMPORT-0502 staging of job %s not removed: %s", jobId, e.getClass());
        }
    }

    private static String messageFor(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return "Another request added one of these youth while the import ran;"
                        + " submit the file again.";
            }
        }
        return "The import stopped on an internal error; nothing was stored.";
    }
}
