package io.steward.enrollment;

import static io.restassured.RestAssured.given;
import static io.steward.support.YouthFixtures.body;
import static io.steward.support.YouthFixtures.provider;
import static io.steward.support.YouthFixtures.staff;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.steward.support.AuditRows;
import io.steward.support.YouthFixtures;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A withdrawal never leaves recorded attendance outside every enrollment, as {@code PUT
 * /attendance} never writes it there: both answer from the same rule, and neither slips between the
 * other's check and commit.
 */
@QuarkusTest
class WithdrawalAttendanceTest {

    @Inject AgroalDataSource db;

    String org;
    String program;
    String youth;
    String enrollment;

    @BeforeEach
    void enrolledYouth() {
        org = provider();
        program = YouthFixtures.program(org);
        youth = YouthFixtures.create(staff(org), body());
        enrollment = YouthFixtures.enroll(org, program, youth);
    }

    Response withdraw(String id, String endDate) {
        return given().auth()
                .oauth2(staff(org))
                .contentType(ContentType.JSON)
                .body(Map.of("endDate", endDate))
                .post("/api/v1/programs/" + program + "/enrollments/" + id + "/withdrawal");
    }

    Response attend(String... dates) {
        List<Map<String, Object>> entries =
                Arrays.stream(dates)
                        .map(
                                d ->
                                        Map.<String, Object>of(
                                                "participantId", youth, "date", d, "minutes", 60))
                        .toList();
        return given().auth()
                .oauth2(staff(org))
                .contentType(ContentType.JSON)
                .body(entries)
                .put("/api/v1/programs/" + program + "/attendance");
    }

    List<String> attendanceDates() {
        return given().auth()
                .oauth2(staff(org))
                .get("/api/v1/programs/" + program + "/attendance")
                .then()
                .statusCode(200)
                .extract()
                .path("items.date");
    }

    Response enrollmentNow() {
        return given().auth()
                .oauth2(staff(org))
                .get("/api/v1/programs/" + program + "/enrollments/" + enrollment);
    }

    @Test
    void withdraw_endDateBeforeRecordedAttendance_returns409NamingEndDateAndChangesNothing() {
        attend("2025-10-01", "2025-12-01").then().statusCode(200);
        String etag = enrollmentNow().then().statusCode(200).extract().header("ETag");
        long head = AuditRows.head(db);

        Response refused = withdraw(enrollment, "2025-11-15");

        refused.then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("endDate"))
                .body("errors[0].message", equalTo("attendance is recorded after this date"));
        assertFalse(refused.asString().contains("2025-"), "no dates in the answer");
        assertFalse(refused.asString().contains(youth), "no youth id in the answer");
        enrollmentNow()
                .then()
                .header("ETag", equalTo(etag))
                .body("status", equalTo("ACTIVE"))
                .body("endDate", nullValue());
        assertEquals(List.of("2025-10-01", "2025-12-01"), attendanceDates());
        assertEquals(List.of(), AuditRows.since(db, head, "enrollment.withdraw"));

        withdraw(enrollment, "2025-12-01")
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        attend("2025-12-02")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("[0].participantId"));
    }

    @Test
    void withdraw_attendanceStillWithinAnotherEnrollment_returns200() {
        withdraw(enrollment, "2025-12-31").then().statusCode(200);
        String again =
                given().auth()
                        .oauth2(staff(org))
                        .contentType(ContentType.JSON)
                        .body(Map.of("participantId", youth, "startDate", "2025-10-01"))
                        .post("/api/v1/programs/" + program + "/enrollments")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        attend("2025-11-01").then().statusCode(200);

        withdraw(again, "2025-10-15").then().statusCode(200);

        assertEquals(List.of("2025-11-01"), attendanceDates());
    }

    @Test
    void withdraw_whileAttendanceIsBeingWritten_waitsForItAndReturns409() throws Exception {
        try (Connection c = runtimeConnection()) {
            c.setAutoCommit(false);
            execute(c, "select 1 from program where id = ?::uuid for share", program);
            execute(
                    c,
                    "insert into attendance (program_id, participant_id, date, minutes, updated_at)"
                            + " values (?::uuid, ?::uuid, date '2025-12-01', 60, now())",
                    program,
                    youth);

            CompletableFuture<Response> answer =
                    inBackground(() -> withdraw(enrollment, "2025-11-01"));
            Thread.sleep(1500);
            assertFalse(answer.isDone(), "the withdrawal waits for the attendance write");
            c.commit();

            answer.get(30, TimeUnit.SECONDS).then().statusCode(409);
        }
        enrollmentNow().then().body("status", equalTo("ACTIVE"));
    }

    @Test
    void put_whileWithdrawalIsBeingMade_waitsForItAndReturns400() throws Exception {
        try (Connection c = runtimeConnection()) {
            c.setAutoCommit(false);
            execute(c, "select 1 from program where id = ?::uuid for update", program);
            execute(
                    c,
                    "update enrollment set status = 'WITHDRAWN', end_date = date '2025-11-01'"
                            + " where id = ?::uuid",
                    enrollment);

            CompletableFuture<Response> answer = inBackground(() -> attend("2025-12-01"));
            Thread.sleep(1500);
            assertFalse(answer.isDone(), "the attendance write waits for the withdrawal");
            c.commit();

            answer.get(30, TimeUnit.SECONDS)
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("[0].participantId"));
        }
        assertEquals(List.of(), attendanceDates());
    }

    static CompletableFuture<Response> inBackground(Supplier<Response> request) {
        return CompletableFuture.supplyAsync(request);
    }

    /** A connection of the service's own role, outside the service's transactions. */
    static Connection runtimeConnection() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    static void execute(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setString(i + 1, params[i]);
            }
            st.execute();
        }
    }
}
