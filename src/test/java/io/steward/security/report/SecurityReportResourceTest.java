package io.steward.security.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.steward.support.Tokens;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SecurityReportResourceTest {

    @Test
    void report_afterBackupRecorded_showsKeysBackupsAndChain() {
        String admin = Tokens.of("city-admin", "CITY");
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "BACKUP", "completedAt", "2026-12-01T02:00:00Z"))
                .post("/api/v1/admin/backup-events")
                .then()
                .statusCode(201);

        given().auth()
                .oauth2(Tokens.of("auditor", "CITY"))
                .get("/api/v1/admin/security-report")
                .then()
                .statusCode(200)
                .body("directory.connected", equalTo(false))
                .body("keys.masterKeys.primary", hasItem(true))
                .body("keys.activeDataKeys", greaterThanOrEqualTo(0))
                .body("backups.lastBackup", notNullValue())
                .body("auditChain.valid", equalTo(true));
    }

    /**
     * Answers use the form clients may send, so an auditor can take the report's moment as the end
     * of an audit query; a nanosecond fraction would be refused there.
     */
    @Test
    void report_generatedAt_isAnInstantTheAuditFilterTakes() {
        String auditor = Tokens.of("auditor", "CITY");
        String generatedAt =
                given().auth()
                        .oauth2(auditor)
                        .get("/api/v1/admin/security-report")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("generatedAt");
        assertTrue(
                generatedAt.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?Z"),
                generatedAt);
        given().auth()
                .oauth2(auditor)
                .queryParam("to", generatedAt)
                .get("/api/v1/audit/events")
                .then()
                .statusCode(200);
    }

    @Test
    void report_asProviderStaff_returns403() {
        given().auth()
                .oauth2(Tokens.of("provider-staff", "P"))
                .get("/api/v1/admin/security-report")
                .then()
                .statusCode(403);
    }

    @Test
    void recordBackup_unknownKind_returns400() {
        given().auth()
                .oauth2(Tokens.of("city-admin", "CITY"))
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "SNAPSHOT", "completedAt", "2026-12-01T02:00:00Z"))
                .post("/api/v1/admin/backup-events")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("kind"));
    }

    /**
     * A backup reported as completed in the future would make the report show a fresh backup until
     * that time; a clock a few minutes ahead is allowed.
     */
    @Test
    void backupEvent_completedInTheFuture_returns400AndTheReportIsUnchanged() {
        String admin = Tokens.of("city-admin", "CITY");
        String before = lastBackup();
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "kind",
                                "BACKUP",
                                "completedAt",
                                Instant.now()
                                        .plusSeconds(3600)
                                        .truncatedTo(ChronoUnit.SECONDS)
                                        .toString()))
                .post("/api/v1/admin/backup-events")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("completedAt"))
                .body("errors[0].message", equalTo("must not be in the future"));
        assertEquals(before, lastBackup());

        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "kind",
                                "BACKUP",
                                "completedAt",
                                Instant.now()
                                        .plusSeconds(60)
                                        .truncatedTo(ChronoUnit.SECONDS)
                                        .toString()))
                .post("/api/v1/admin/backup-events")
                .then()
                .statusCode(201);
    }

    private static String lastBackup() {
        return given().auth()
                .oauth2(Tokens.of("auditor", "CITY"))
                .get("/api/v1/admin/security-report")
                .then()
                .statusCode(200)
                .extract()
                .path("backups.lastBackup");
    }
}
