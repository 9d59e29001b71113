package io.steward.imports.job;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.steward.audit.Outcome;
import io.steward.imports.ImportConfig;
import io.steward.imports.ImportJob;
import io.steward.imports.ImportJobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The second pass of a job whose every row passed: one transaction copies the staged rows into
 * participant, guardian and enrollment with set-based SQL (no per-row statements), records the
 * job's success, and appends its audit events last. Writers of different jobs take turns (an
 * advisory lock), so two files naming the same new youth cannot both create it.
 */
@ApplicationScoped
class ImportWriter {

    static final long WRITE_LOCK = 0x5354_4557_494d_5054L;

    private static final String PARTICIPANTS =
            "insert into participant (id, first_name, last_name, date_of_birth, grade_level,"
                    + " district_code, district_student_id, school_code, student_key, created_at)"
                    + " select participant_id, first_name, last_name, date_of_birth, grade_level,"
                    + " district_code, district_student_id, school_code, student_key, now()"
                    + " from import_row where job_id = ? and kind = 'NEW'";
    private static final String GUARDIANS =
            "insert into guardian (id, participant_id, position, name, relationship, email)"
                    + " select guardian_id, participant_id, 0, guardian_name,"
                    + " guardian_relationship, guardian_email from import_row"
                    + " where job_id = ? and kind = 'NEW' and guardian_id is not null";
    private static final String ENROLLMENTS =
            "insert into enrollment (id, program_id, participant_id, start_date, status,"
                    + " created_at) select gen_random_uuid(), program_id, participant_id,"
                    + " start_date, 'ACTIVE', now() from import_row where job_id = ?"
                    + " on conflict (program_id, participant_id) where status = 'ACTIVE'"
                    + " do nothing";
    private static final String MATCHED =
            "select count(distinct participant_id) from import_row"
                    + " where job_id = ? and kind = 'EXISTING'";

    @Inject EntityManager em;
    @Inject ImportJobs jobs;
    @Inject ImportAudit audit;
    @Inject ImportConfig config;

    ImportJob.Counts write(ImportJob job, long rows) {
        return QuarkusTransaction.requiringNew()
                .timeout((int) config.writeTimeout().toSeconds())
                .call(
                        () -> {
                            ImportJob.Counts counts =
                                    em.unwrap(Session.class)
                                            .doReturningWork(c -> insert(c, job.id(), rows));
                            jobs.succeed(job.id(), rows, counts);
                            audit.record(job, Outcome.SUCCESS, List.of("NEW", "EXISTING"));
                            return counts;
                        });
    }

    private static ImportJob.Counts insert(Connection c, UUID jobId, long rows)
            throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
            lock.setLong(1, WRITE_LOCK);
            lock.execute();
        }
        long created = update(c, PARTICIPANTS, jobId);
        update(c, GUARDIANS, jobId);
        long enrolled = update(c, ENROLLMENTS, jobId);
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
