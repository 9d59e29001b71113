package io.steward.imports.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.steward.audit.Outcome;
import io.steward.imports.ImportConfig;
import io.steward.imports.ImportJob;
import io.steward.imports.ImportJobs;
import io.steward.imports.file.RowError;
import io.steward.imports.file.Spool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Runs one job on a worker thread, in one pass over the file: a reader thread parses, checks and
 * seals the rows ({@link RowReader}) while this thread stages them and, in the job's one writing
 * transaction, writes the youth they create ({@link ImportWriter}), with progress written every
 * batch; the checks across rows follow. Any failed row rolls the transaction back, leaving nothing
 * stored but the job's errors and its audit event. Staged rows are removed either way.
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
        // Staging's connections are opened before the writing transaction begins: they join none.
        try (Staging staging = Staging.open(job, dataSource, cipher, errors);
                RowReader reader =
                        RowReader.start(
                                spool,
                                mapper,
                                config.maxRowBytes(),
                                cipher,
                                job.id(),
                                config.batchSize())) {
            progress.connection = staging.lookups();
            return writer.write(job, staging, reader, errors, progress);
        } catch (RuntimeException | SQLException | IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            errors.add(new RowError(null, null, messageFor(e)));
            LOG.errorf("STW-IMPORT-0500 job %s stopped: %s", job.id(), e.getClass().getName());
            LOG.debug("STW-IMPORT-0500 detail", e);
            return null;
        }
    }

    /**
     * Rows read so far, written to the job about every {@value #PROGRESS_MILLIS} ms on staging's
     * connection (outside the writing transaction, so that it shows while the job runs).
     */
    private static final class Progress implements ImportWriter.Progress {
        private final UUID jobId;
        private long rows;
        private long reportedAt = System.currentTimeMillis();
        private Connection connection;

        Progress(UUID jobId) {
            this.jobId = jobId;
        }

        @Override
        public void read(long read) {
            rows = read;
            long now = System.currentTimeMillis();
            if (connection != null && now - reportedAt >= PROGRESS_MILLIS) {
                try (PreparedStatement update =
                        connection.prepareStatement(
                                "update import_job set processed_rows = ? where id = ?")) {
                    update.setLong(1, rows);
                    update.setObject(2, jobId);
                    update.executeUpdate();
                } catch (SQLException e) {
                    LOG.warnf("STW-IMPORT-0505 progress of job %s not written", jobId);
                }
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
