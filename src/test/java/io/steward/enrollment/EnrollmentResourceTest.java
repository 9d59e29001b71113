package io.steward.enrollment;

import static io.restassured.RestAssured.given;
import static io.steward.support.YouthFixtures.admin;
import static io.steward.support.YouthFixtures.body;
import static io.steward.support.YouthFixtures.provider;
import static io.steward.support.YouthFixtures.staff;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.steward.support.AuditRows;
import io.steward.support.YouthFixtures;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class EnrollmentResourceTest {

    @Inject AgroalDataSource db;

    static ValidatableResponse enroll(String token, String programId, Map<String, ?> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/programs/" + programId + "/enrollments")
                .then();
    }

    static ValidatableResponse withdraw(String org, String programId, String id, Map<String, ?> b) {
        return given().auth()
                .oauth2(staff(org))
                .contentType(ContentType.JSON)
                .body(b)
                .post("/api/v1/programs/" + programId + "/enrollments/" + id + "/withdrawal")
                .then();
    }

    static Map<String, Object> request(String participantId) {
        Map<String, Object> body = new HashMap<>();
        body.put("participantId", participantId);
        body.put("startDate", "2025-09-15");
        return body;
    }

    @Test
    void enroll_youthCreatedElsewhereThenMatched_returns201AuditsAndGrantsRead() {
        String org = provider();
        String program = YouthFixtures.program(org);
        Map<String, Object> youthBody = body();
        String youth = YouthFixtures.create(staff(provider()), youthBody);
        given().auth()
                .oauth2(staff(org))
                .contentType(ContentType.JSON)
                .body(youthBody)
                .post("/api/v1/participants")
                .then()
                .statusCode(200)
                .body("id", equalTo(youth));
        long head = AuditRows.head(db);

        String id =
                enroll(staff(org), program, request(youth))
                        .statusCode(201)
                        .body("status", equalTo("ACTIVE"))
                        .body("participantId", equalTo(youth))
                        .body("endDate", equalTo(null))
                        .extract()
                        .path("id");

        List<AuditRows.Row> events = AuditRows.since(db, head, "enrollment.create");
        assertEquals(1, events.size());
        assertEquals(List.of(UUID.fromString(youth)), events.get(0).participantIds());
        assertEquals(org, events.get(0).org());
        given().auth()
                .oauth2(staff(org))
                .get("/api/v1/programs/" + program + "/enrollments/" + id)
                .then()
                .statusCode(200)
                .body("programId", equalTo(program));
        given().auth()
                .oauth2(staff(org))
                .get("/api/v1/participants/" + youth)
                .then()
                .statusCode(200);
    }

    @Test
    void enroll_twiceWhileActive_returns409() {
        String org = provider();
        String program = YouthFixtures.program(org);
        String youth = YouthFixtures.create(staff(org), body());
        enroll(staff(org), program, request(youth)).statusCode(201);
        enroll(staff(org), program, request(youth)).statusCode(409);
    }

    @Test
    void enroll_beyondCapacity_returns409() {
        String org = provider();
        String program = YouthFixtures.program(org, 1);
        enroll(staff(org), program, request(YouthFixtures.create(staff(org), body())))
                .statusCode(201);
        enroll(staff(org), program, request(YouthFixtures.create(staff(org), body())))
                .statusCode(409);
    }

    @ParameterizedTest
    @CsvSource({
        "participantId, unknown",
        "participantId, not-a-uuid",
        "startDate, 2021-09-31",
        "startDate, 09/15/2025",
        "startDate, 2025-08-31",
        "endDate, 2025-09-14",
        "endDate, 2026-07-01",
        "status, WITHDRAWN",
        "id, 3f1c6d1e-0000-4000-8000-000000000000",
    })
    void enroll_badField_returns400NamingItAndStoresNothing(String field, String value) {
        String org = provider();
        String program = YouthFixtures.program(org);
        Map<String, Object> body = request(YouthFixtures.create(staff(org), body()));
        body.put(field, value.equals("unknown") ? UUID.randomUUID().toString() : value);

        enroll(staff(org), program, body)
                .statusCode(400)
                .body("errors.field", equalTo(List.of(field)));

        given().auth()
                .oauth2(staff(org))
                .get("/api/v1/programs/" + program + "/enrollments")
                .then()
                .body("items", equalTo(List.of()));
    }

    @Test
    void enroll_byCityAdminOrOtherProvider_isRefused() {
        String org = provider();
        String program = YouthFixtures.program(org);
        Map<String, Object> body = request(YouthFixtures.create(staff(org), body()));
        long head = AuditRows.head(db);

        enroll(admin(), program, body).statusCode(403);
        enroll(staff(provider()), program, body).statusCode(404);

        assertEquals(1, AuditRows.since(db, head, "denied.role").size());
        List<AuditRows.Row> hidden = AuditRows.since(db, head, "enrollment.create");
        assertEquals("DENIED", hidden.get(0).outcome());
    }

    @Test
    void withdraw_active_returns200ThenSecondTime409() {
        String org = provider();
        String program = YouthFixtures.program(org);
        String youth = YouthFixtures.create(staff(org), body());
        String id = YouthFixtures.enroll(org, program, youth);
        long head = AuditRows.head(db);

        withdraw(org, program, id, Map.of("endDate", "2026-01-31", "reason", "moved"))
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("endDate", equalTo("2026-01-31"))
                .body("withdrawalReason", equalTo("moved"));
        withdraw(org, program, id, Map.of("endDate", "2026-02-28")).statusCode(409);

        List<AuditRows.Row> events = AuditRows.since(db, head, "enrollment.withdraw");
        assertEquals(1, events.size());
        assertEquals(List.of(UUID.fromString(youth)), events.get(0).participantIds());
        enroll(staff(org), program, request(youth)).statusCode(201);
    }

    @Test
    void withdraw_badOrStale_isRefusedAndChangesNothing() {
        String org = provider();
        String program = YouthFixtures.program(org);
        String id = YouthFixtures.enroll(org, program, YouthFixtures.create(staff(org), body()));

        withdraw(org, program, id, Map.of("endDate", "2025-08-01"))
                .statusCode(400)
                .body("errors[0].field", equalTo("endDate"));
        withdraw(org, program, id, Map.of("endDate", "2026-02-30"))
                .statusCode(400)
                .body("errors[0].field", equalTo("endDate"));
        withdraw(org, program, id, Map.of("endDate", "2026-01-31", "reason", "r".repeat(201)))
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        withdraw(org, program, id, Map.of("endDate", "2026-01-31", "status", "ACTIVE"))
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
        given().auth()
                .oauth2(staff(org))
                .header("If-Match", "\"999\"")
                .contentType(ContentType.JSON)
                .body(Map.of("endDate", "2026-01-31"))
                .post("/api/v1/programs/" + program + "/enrollments/" + id + "/withdrawal")
                .then()
                .statusCode(412);
        // If-Match compares strongly (RFC 9110): a weak tag never matches, even the current one.
        String current =
                given().auth()
                        .oauth2(staff(org))
                        .get("/api/v1/programs/" + program + "/enrollments/" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("ETag");
        given().auth()
                .oauth2(staff(org))
                .header("If-Match", "W/" + current)
                .contentType(ContentType.JSON)
                .body(Map.of("endDate", "2026-01-31"))
                .post("/api/v1/programs/" + program + "/enrollments/" + id + "/withdrawal")
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        withdraw(org, program, UUID.randomUUID().toString(), Map.of("endDate", "2026-01-31"))
                .statusCode(404);

        given().auth()
                .oauth2(staff(org))
                .get("/api/v1/programs/" + program + "/enrollments/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void deleteOrPut_existingEnrollment_returns405WithAllow() {
        String org = provider();
        String program = YouthFixtures.program(org);
        String id = YouthFixtures.enroll(org, program, YouthFixtures.create(staff(org), body()));
        String path = "/api/v1/programs/" + program + "/enrollments/" + id;

        for (String method : List.of("DELETE", "PUT", "PATCH")) {
            given().auth()
                    .oauth2(staff(org))
                    .contentType(ContentType.JSON)
                    .body(Map.of("endDate", "2026-01-31"))
                    .request(method, path)
                    .then()
                    .statusCode(405)
                    .contentType("application/problem+json")
                    .header("Allow", equalTo("GET, HEAD, OPTIONS"));
        }
    }
}
