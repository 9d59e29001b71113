package io.steward.imports.job;

import io.steward.audit.AuditEntry;
import io.steward.audit.AuditLog;
import io.steward.audit.Outcome;
import io.steward.imports.ImportConfig;
import io.steward.imports.ImportJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

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
        int chunk = config.auditIdsPerEvent();
        UUID after = null;
        while (true) {
            List<UUID> ids = ids(job.id(), kinds, after, chunk);
            audit.recordEntry(
                    new AuditEntry(
                            Instant.now().truncatedTo(ChronoUnit.MICROS),
                            job.subject(),
                            job.orgCode(),
                            job.roles(),
                            ACTION,
                            "imports/" + job.id(),
                            ids,
                            outcome));
            if (ids.size() < chunk) {
                return;
            }
            after = ids.get(ids.size() - 1);
        }
    }

    @SuppressWarnings("unchecked")
    private List<UUID> ids(UUID jobId, List<String> kinds, UUID after, int chunk) {
        String sql =
                "select distinct participant_id from import_row where job_id = ?1"
                        + " and kind in (?2)"
                        + (after == null ? "" : " and participant_id > ?4")
                        + " order by 1 limit ?3";
        Query query =
                em.createNativeQuery(sql, UUID.class)
                        .setParameter(1, jobId)
                        .setParameter(2, kinds)
                        .setParameter(3, chunk);
        if (after != null) {
            query.setParameter(4, after);
        }
        return query.getResultList();
    }
}
