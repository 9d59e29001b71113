package io.steward.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.steward.common.Rows;
import io.steward.imports.file.RowError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The job rows. Progress is written by the running job on a connection of its own so that it is
 * visible while the job runs; the outcome of a successful job commits with its data.
 */
@ApplicationScoped
public class ImportJobs {

    private static final String COLUMNS =
            "id, status, org_code, subject, roles, city_wide, media_type, total_rows,"
                    + " processed_rows, created_count, matched_count, enrolled_count,"
                    + " already_enrolled_count, error_count, errors::text, created_at, started_at,"
                    + " finished_at";

    /** Unfinished, and the heartbeat is older than {@code :staleMs} ms, or missing. */
    private static final String STALE =
            "status in ('PENDING', 'RUNNING') and (heartbeat_at is null or heartbeat_at < now()"
                    + " - :staleMs * interval '1 millisecond')";

    @Inject EntityManager em;
    @Inject ObjectMapper mapper;

    /** Records a waiting job held by this instance, whose file is the named spool file. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void create(
            UUID id,
            String orgCode,
            String subject,
            String roles,
            boolean cityWide,
            String mediaType,
            long totalRows,
            Holder holder) {
        em.createNativeQuery(
                        "insert into import_job (id, kind, status, org_code, subject, roles,"
                                + " city_wide, media_type, total_rows, created_at, instance_id,"
                                + " heartbeat_at, spool_name) values (?1, 'enrollments',"
                                + " 'PENDING', ?2, ?3, ?4, ?5, ?6, ?7, now(), ?8, now(), ?9)")
                .setParameter(1, id)
                .setParameter(2, orgCode)
                .setParameter(3, subject)
                .setParameter(4, roles)
                .setParameter(5, cityWide)
                .setParameter(6, mediaType)
                .setParameter(7, totalRows)
                .setParameter(8, holder.instance())
                .setParameter(9, holder.spoolName())
                .executeUpdate();
    }

    /** The instance that holds a job and the name of the job's spool file. */
    public record Holder(String instance, String spoolName) {}

    @Transactional
    public Optional<ImportJob> find(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery("select " + COLUMNS + " from import_job where id = ?1")
                        .setParameter(1, id)
                        .getResultList();
        return rows.stream().findFirst().map(ImportJobs::job);
    }

    /** Marks a waiting job as running; empty when it is no longer waiting. */
    public Optional<ImportJob> start(UUID id) {
        return QuarkusTransaction.requiringNew()
                .call(
                        () -> {
                            int updated =
                                    em.createNativeQuery(
                                                    "update import_job set status = 'RUNNING',"
                                                            + " started_at = now() where id = ?1"
                                                            + " and status = 'PENDING'")
                                            .setParameter(1, id)
                                            .executeUpdate();
                            return updated == 1 ? find(id) : Optional.<ImportJob>empty();
                        });
    }

    /**
     * Records success; runs in the transaction that wrote the job's rows, and throws (rolling all
     * of them back) when the job is no longer running: another instance failed it as interrupted.
     * The job finished now, after its last row was written: the clock, not the transaction's start,
     * which may lie minutes before (as in {@link #fail} and {@link #failStale}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void succeed(UUID id, long processed, ImportJob.Counts counts) {
        int updated =
                em.createNativeQuery(
                                "update import_job set status = 'SUCCEEDED', processed_rows = ?2,"
                                    + " total_rows = ?2, created_count = ?3, matched_count = ?4,"
                                    + " enrolled_count = ?5, already_enrolled_count = ?6,"
                                    + " finished_at = clock_timestamp() where id = ?1 and status ="
                                    + " 'RUNNING'")
                        .setParameter(1, id)
                        .setParameter(2, processed)
                        .setParameter(3, counts.created())
                        .setParameter(4, counts.matchedExisting())
                        .setParameter(5, counts.enrolled())
                        .setParameter(6, counts.alreadyEnrolled())
                        .executeUpdate();
        if (updated != 1) {
            throw new IllegalStateException("STW-IMPORT-0022 job no longer running");
        }
    }

    /**
     * Records failure with the kept errors and the count of all, in the caller's transaction; false
     * when the job had already finished (another instance failed it as interrupted).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean fail(UUID id, long processed, long errorCount, List<RowError> errors) {
        return em.createNativeQuery(
                                "update import_job set status = 'FAILED', processed_rows = ?2,"
                                        + " error_count = ?3, errors = cast(?4 as jsonb),"
                                        + " finished_at = clock_timestamp() where id = ?1"
                                        + " and status in ('PENDING', 'RUNNING')")
                        .setParameter(1, id)
                        .setParameter(2, processed)
                        .setParameter(3, errorCount)
                        .setParameter(4, json(errors))
                        .executeUpdate()
                == 1;
    }

    /**
     * Fails a job whose holder stopped renewing its heartbeat more than {@code staleAfter} ago, in
     * the caller's transaction; false when the job finished or its heartbeat is fresh. The check
     * and the change are one statement, so a job is failed once, and never while its holder commits
     * it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean failStale(UUID id, Duration staleAfter, List<RowError> errors) {
        return em.createNativeQuery(
                                "update import_job set status = 'FAILED', error_count = :count,"
                                        + " errors = cast(:errors as jsonb),"
                                        + " finished_at = clock_timestamp() where id = :id and "
                                        + STALE)
                        .setParameter("id", id)
                        .setParameter("staleMs", staleAfter.toMillis())
                        .setParameter("count", errors.size())
                        .setParameter("errors", json(errors))
                        .executeUpdate()
                == 1;
    }

    /** Unfinished jobs whose heartbeat is older than {@code staleAfter}, or missing. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<UUID> stale(Duration staleAfter) {
        return em.createNativeQuery("select id from import_job where " + STALE, UUID.class)
                .setParameter("staleMs", staleAfter.toMillis())
                .getResultList();
    }

    /** Spool files named by unfinished jobs whose heartbeat is fresh. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<String> liveSpools(Duration staleAfter) {
        return em.createNativeQuery(
                        "select spool_name from import_job where spool_name is not null and"
                                + " status in ('PENDING', 'RUNNING') and heartbeat_at >= now()"
                                + " - :staleMs * interval '1 millisecond'",
                        String.class)
                .setParameter("staleMs", staleAfter.toMillis())
                .getResultList();
    }

    /**
     * Renews the heartbeat of the unfinished jobs this instance holds; in a transaction of its own.
     * Returns how many jobs were renewed.
     */
    public int heartbeat(String instance, Collection<UUID> held) {
        if (held.isEmpty()) {
            return 0;
        }
        UUID[] ids = held.toArray(UUID[]::new);
        return QuarkusTransaction.requiringNew()
                .call(() -> em.unwrap(Session.class).doReturningWork(c -> renew(c, instance, ids)));
    }

    private static int renew(Connection c, String instance, UUID[] ids) throws SQLException {
        try (PreparedStatement update =
                c.prepareStatement(
                        "update import_job set heartbeat_at = now() where instance_id = ? and"
                                + " id = any(?) and status in ('PENDING', 'RUNNING')")) {
            update.setString(1, instance);
            update.setArray(2, c.createArrayOf("uuid", ids));
            return update.executeUpdate();
        }
    }

    private String json(List<RowError> errors) {
        try {
            return mapper.writeValueAsString(errors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("STW-IMPORT-0020 errors not serializable");
        }
    }

    private static ImportJob job(Object[] r) {
        return new ImportJob(
                (UUID) r[0],
                (String) r[1],
                (String) r[2],
                (String) r[3],
                (String) r[4],
                (Boolean) r[5],
                (String) r[6],
                number(r[7]),
                number(r[8]),
                number(r[9]),
                number(r[10]),
                number(r[11]),
                number(r[12]),
                number(r[13]),
                (String) r[14],
                Rows.instant(r[15]),
                Rows.instant(r[16]),
                Rows.instant(r[17]));
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
