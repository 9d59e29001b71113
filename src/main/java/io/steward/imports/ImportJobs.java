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
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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

    @Inject EntityManager em;
    @Inject ObjectMapper mapper;

    @Transactional(Transactional.TxType.MANDATORY)
    public void create(
            UUID id,
            String orgCode,
            String subject,
            String roles,
            boolean cityWide,
            String mediaType,
            long totalRows) {
        em.createNativeQuery(
                        "insert into import_job (id, kind, status, org_code, subject, roles,"
                                + " city_wide, media_type, total_rows, created_at) values (?1,"
                                + " 'enrollments', 'PENDING', ?2, ?3, ?4, ?5, ?6, ?7, now())")
                .setParameter(1, id)
                .setParameter(2, orgCode)
                .setParameter(3, subject)
                .setParameter(4, roles)
                .setParameter(5, cityWide)
                .setParameter(6, mediaType)
                .setParameter(7, totalRows)
                .executeUpdate();
    }

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

    /** Records success; runs in the transaction that wrote the job's rows. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void succeed(UUID id, long processed, ImportJob.Counts counts) {
        em.createNativeQuery(
                        "update import_job set status = 'SUCCEEDED', processed_rows = ?2,"
                                + " total_rows = ?2, created_count = ?3, matched_count = ?4,"
                                + " enrolled_count = ?5, already_enrolled_count = ?6,"
                                + " finished_at = now() where id = ?1")
                .setParameter(1, id)
                .setParameter(2, processed)
                .setParameter(3, counts.created())
                .setParameter(4, counts.matchedExisting())
                .setParameter(5, counts.enrolled())
                .setParameter(6, counts.alreadyEnrolled())
                .executeUpdate();
    }

    /** Records failure with the kept errors and the count of all; in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void fail(UUID id, long processed, long errorCount, List<RowError> errors) {
        em.createNativeQuery(
                        "update import_job set status = 'FAILED', processed_rows = ?2,"
                                + " error_count = ?3, errors = cast(?4 as jsonb),"
                                + " finished_at = now() where id = ?1")
                .setParameter(1, id)
                .setParameter(2, processed)
                .setParameter(3, errorCount)
                .setParameter(4, json(errors))
                .executeUpdate();
    }

    /** Jobs left waiting or running by a previous run of this service. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<UUID> unfinished() {
        return em.createNativeQuery(
                        "select id from import_job where status in ('PENDING', 'RUNNING')",
                        UUID.class)
                .getResultList();
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
