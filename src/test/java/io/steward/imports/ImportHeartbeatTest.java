package io.steward.imports;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.steward.imports.file.Spooler;
import io.steward.support.Tokens;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Replicas share the job table: each fails only the jobs whose holder stopped. */
@QuarkusTest
class ImportHeartbeatTest {

    @Inject ImportFixtures db;
    @Inject ImportHeartbeat heartbeat;
    @Inject ImportJobs jobs;
    @Inject Spooler spooler;

    @Test
    void reap_jobHeldByLiveOtherInstance_leftAloneWithItsSpool() throws IOException {
        String org = db.provider();
        UUID id = UUID.randomUUID();
        Path spool = spoolFile();
        insertRunning(id, org, "other-pod/" + UUID.randomUUID(), "now()", spool);
        age(spool);

        heartbeat.reap();

        ImportFixtures.given(Tokens.of("provider-staff", org))
                .get("/api/v1/imports/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("RUNNING"))
                .body("errorCount", equalTo(0))
                .body("finishedAt", nullValue());
        assertTrue(Files.exists(spool), "the live job's spool file was swept");
        assertEquals(0, failedEvents(id));
    }

    @Test
    void reap_jobWithStaleHeartbeat_failsOnceAsInterruptedAndDropsItsSpool() throws IOException {
        String org = db.provider();
        UUID program = db.program(org);
        UUID id = UUID.randomUUID();
        db.execute(
                "insert into import_row (job_id, row_no, kind, program_id, participant_id,"
                        + " start_date) values (?, 1, 'NEW', ?, ?, date '2025-09-01')",
                id,
                program,
                UUID.randomUUID());
        Path spool = spoolFile();
        insertRunning(
                id, org, "gone-pod/" + UUID.randomUUID(), "now() - interval '10 minutes'", spool);
        age(spool);
        long[] youth = db.youthCounts();

        heartbeat.reap();
        heartbeat.reap();

        ImportFixtures.given(Tokens.of("provider-staff", org))
                .get("/api/v1/imports/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("errorCount", equalTo(1))
                .body("errors[0].row", nullValue())
                .body("errors[0].message", containsString("interrupted"))
                .body("errors[0].message", containsString("Nothing was stored"))
                .body("errors[0].message", containsString("Submit the file again"))
                .body("finishedAt", not(nullValue()));
        assertEquals(1, failedEvents(id));
        assertEquals(0, db.count("select count(*) from import_row where job_id = ?", id));
        assertFalse(Files.exists(spool), "the stale job's spool file was kept");
        assertEquals(youth[0], db.youthCounts()[0]);
    }

    @Test
    void reap_jobHeldHere_isRenewedAndNotFailed() {
        String org = db.provider();
        UUID id = UUID.randomUUID();
        insertRunning(id, org, heartbeat.instance(), "now() - interval '50 seconds'", null);
        heartbeat.hold(id);
        try {
            heartbeat.beat();
        } finally {
            heartbeat.release(id);
        }

        assertEquals("RUNNING", status(id));
        assertEquals(
                1,
                db.count(
                        "select count(*) from import_job where id = ?"
                                + " and heartbeat_at > now() - interval '5 seconds'",
                        id));
        db.execute("update import_job set status = 'FAILED' where id = ?", id);
    }

    @Test
    void succeed_afterAnotherInstanceFailedTheJob_rollsBackTheWrite() {
        String org = db.provider();
        UUID id = UUID.randomUUID();
        insertRunning(id, org, "gone-pod/x", "now() - interval '10 minutes'", null);
        heartbeat.reap();
        long before = db.count("select count(*) from audit_event");

        assertThrows(
                IllegalStateException.class,
                () ->
                        QuarkusTransaction.requiringNew()
                                .run(() -> jobs.succeed(id, 10, new ImportJob.Counts(1, 2, 3, 4))));

        assertEquals("FAILED", status(id));
        assertEquals(0, db.count("select created_count from import_job where id = ?", id));
        assertEquals(before, db.count("select count(*) from audit_event"));
    }

    @Test
    void sweep_orphanSpoolFiles_deletesIdleKeepsRecent() throws IOException {
        Path idle = age(spoolFile());
        Path recent = spoolFile();

        heartbeat.reap();

        assertFalse(Files.exists(idle), "an idle file of no job was kept");
        assertTrue(Files.exists(recent), "a file still being received was swept");
        Files.delete(recent);
    }

    private void insertRunning(UUID id, String org, String instance, String beat, Path spool) {
        db.execute(
                "insert into import_job (id, kind, status, org_code, subject, roles, city_wide,"
                        + " media_type, total_rows, processed_rows, created_at, started_at,"
                        + " instance_id, heartbeat_at, spool_name) values (?, 'enrollments',"
                        + " 'RUNNING', ?, 'script', 'provider-staff', false, 'text/csv', 10, 4,"
                        + " now(), now(), ?, "
                        + beat
                        + ", ?)",
                id,
                org,
                instance,
                spool == null ? null : spool.getFileName().toString());
    }

    /** A spool file as just written: no sweep deletes it until it ages. */
    private Path spoolFile() throws IOException {
        return Files.createTempFile(dir(), "import-", ".sealed");
    }

    /** Makes a file look unchanged for ten minutes, longer than the stale timeout. */
    private static Path age(Path file) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(10, ChronoUnit.MINUTES)));
        return file;
    }

    private Path dir() throws IOException {
        return Files.createDirectories(spooler.directory());
    }

    private String status(UUID id) {
        return db.list("select status from import_job where id = ?", String.class, id).get(0);
    }

    private long failedEvents(UUID id) {
        return db.count(
                "select count(*) from audit_event where action = 'import.enrollments'"
                        + " and resource = ? and outcome = 'FAILED'",
                "imports/" + id);
    }
}
