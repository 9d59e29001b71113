package io.steward.imports.job;

import io.steward.audit.AuditEntry;
import io.steward.audit.AuditLog;
import io.steward.audit.Outcome;
import io.steward.imports.ImportConfig;
import io.steward.imports.ImportJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The audit events of a job, action {@code import.enrollments} on resource {@code imports/<id>}, by
 * the caller who submitted it. Participant ids are read from the staged rows in chunks of {@code
 * steward.imports.audit-ids-per-event}, one event per chunk (so one event for most files), keeping
 * memory bounded.
 */
@ApplicationScoped
class ImportAudit {

    static final String ACTION = "import.enrollments";

    @Inject AuditLog audit;
    @Inject EntityManager em;
    @Inject ImportConfig config;

    /** Records the job's events in the current transaction, naming youth of the given kinds. */
    @Transactional(Transactional.TxType.MANDATORY)
    void record(ImportJob job, Outcome outcome, List<String> kinds) {
        em.unwrap(Session.class).doWork(c -> record(c, job, outcome, kinds));
    }

    private void record(Connection c, ImportJob job, Outcome outcome, List<String> kinds)
            throws SQLException {
        int chunk = config.auditIdsPerEvent();
        List<UUID> ids = new ArrayList<>(Math.min(chunk, 1024));
        boolean recorded = false;
        try (PreparedStatement query =
                c.prepareStatement(
                        "select distinct participant_id from import_row"
                                + " where job_id = ? and kind = any(?)")) {
            query.setFetchSize(chunk);
            query.setObject(1, job.id());
            query.setArray(2, c.createArrayOf("text", kinds.toArray()));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                    if (ids.size() == chunk) {
                        append(job, outcome, ids);
                        ids.clear();
                        recorded = true;
                    }
                }
            }
        }
        if (!recorded || !ids.isEmpty()) {
            append(job, outcome, ids);
        }
    }

    private void append(ImportJob job, Outcome outcome, List<UUID> ids) {
        audit.recordEntry(
                new AuditEntry(
                        Instant.now().truncatedTo(ChronoUnit.MICROS),
                        job.subject(),
                        job.orgCode(),
                        job.roles(),
                        ACTION,
                        "imports/" + job.id(),
                        List.copyOf(ids),
                        outcome));
    }
}
