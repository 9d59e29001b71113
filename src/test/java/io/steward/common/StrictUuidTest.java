package io.steward.common;

import static io.restassured.RestAssured.given;
import static io.steward.imports.ImportFixtures.HEADER;
import static io.steward.imports.ImportFixtures.finished;
import static io.steward.imports.ImportFixtures.postCsv;
import static io.steward.imports.ImportFixtures.youth;
import static io.steward.support.YouthFixtures.admin;
import static io.steward.support.YouthFixtures.body;
import static io.steward.support.YouthFixtures.provider;
import static io.steward.support.YouthFixtures.staff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.steward.imports.ImportFixtures;
import io.steward.support.Tokens;
import io.steward.support.YouthFixtures;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * UUIDs from clients are read only in the canonical 8-4-4-4-12 form, in either case: a path id in
 * another form is the 404 of an unknown id, a query parameter or body field a 400 naming it, an
 * import column a row error. The value is never repeated.
 */
@QuarkusTest
class StrictUuidTest {

    @Inject ImportFixtures db;

    /** A program of the provider whose id has leading zeros in every group. */
    UUID zeroPaddedProgram(String org) {
        String tail = UUID.randomUUID().toString().substring(24);
        UUID id = UUID.fromString("00000001-0001-0001-0001-" + tail);
        db.execute(
                "insert into program (id, provider_id, name, site, start_date, end_date,"
                        + " created_at) select ?, id, 'Robotics', 'Site A', date '2025-01-01',"
                        + " date '2026-12-31', now() from organization where code = ?",
                id,
                org);
        return id;
    }

    static Response get(String token, String path) {
        return given().auth().oauth2(token).get(path);
    }

    @Test
    void pathId_nonCanonicalFormOfAVisibleId_answersLikeAnUnknownId() {
        String org = provider();
        UUID program = zeroPaddedProgram(org);
        String shortForm = "1-1-1-1-" + program.toString().substring(24);
        get(staff(org), "/api/v1/programs/" + program).then().statusCode(200);
        get(staff(org), "/api/v1/programs/" + program.toString().toUpperCase())
                .then()
                .statusCode(200)
                .body("id", equalTo(program.toString()));

        Response unknown = get(staff(org), "/api/v1/programs/" + UUID.randomUUID());
        Response hidden = get(staff(provider()), "/api/v1/programs/" + program);
        for (String form :
                List.of(
                        shortForm,
                        "+0000001-0001-0001-0001-" + program.toString().substring(24),
                        "00000001-0001-0001-0001-" + program.toString().substring(24) + "0",
                        "0" + program)) {
            Response answer = get(staff(org), "/api/v1/programs/" + form);
            assertEquals(404, answer.statusCode(), form);
            assertEquals(unknown.contentType(), answer.contentType());
            assertEquals(unknown.path("type"), (Object) answer.path("type"));
            assertEquals(unknown.path("title"), (Object) answer.path("title"));
            assertEquals(unknown.path("detail"), (Object) answer.path("detail"));
            assertEquals(hidden.path("detail"), (Object) answer.path("detail"));
        }
    }

    @Test
    void pathId_stringParsedLater_nonCanonicalIsA404() {
        get(admin(), "/api/v1/incidents/1-1-1-1-1").then().statusCode(404);
        get(Tokens.of("provider-staff", provider()), "/api/v1/imports/1-1-1-1-1")
                .then()
                .statusCode(404);
    }

    @Test
    void auditParticipantFilter_nonCanonical_returns400NamingItWithoutTheValue() {
        String auditor = Tokens.of("auditor", "CITY");
        for (String value :
                List.of(
                        "1-1-1-1-1",
                        "0000000001-0001-0001-0001-000000000001",
                        "00000001-0001-0001-0001-0000000000001",
                        "+0000001-0001-0001-0001-000000000001")) {
            given().auth()
                    .oauth2(auditor)
                    .queryParam("participantId", value)
                    .get("/api/v1/audit/events")
                    .then()
                    .statusCode(400)
                    .body("errors.field", equalTo(List.of("participantId")))
                    .body("errors[0].message", equalTo(Ids.FORM))
                    .body(not(containsString(value)));
        }
        given().auth()
                .oauth2(auditor)
                .queryParam("participantId", UUID.randomUUID().toString().toUpperCase())
                .get("/api/v1/audit/events")
                .then()
                .statusCode(200);
    }

    static String base64(UUID id) {
        ByteBuffer bytes = ByteBuffer.allocate(16);
        bytes.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    @Test
    void bodyField_nonCanonicalFormOfARealYouth_returns400NamingItAndStoresNothing() {
        String org = provider();
        String program = YouthFixtures.program(org);
        UUID youth = UUID.fromString(YouthFixtures.create(staff(org), body()));
        for (String value : List.of(base64(youth), "1-1-1-1-1", "0" + youth)) {
            given().auth()
                    .oauth2(staff(org))
                    .contentType(ContentType.JSON)
                    .body(Map.of("participantId", value, "startDate", "2025-09-15"))
                    .post("/api/v1/programs/" + program + "/enrollments")
                    .then()
                    .statusCode(400)
                    .body("errors.field", equalTo(List.of("participantId")))
                    .body("errors[0].message", equalTo(Ids.FORM))
                    .body(not(containsString(value)));
        }
        get(staff(org), "/api/v1/programs/" + program + "/enrollments")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));
        given().auth()
                .oauth2(staff(org))
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "participantId",
                                youth.toString().toUpperCase(),
                                "startDate",
                                "2025-09-15"))
                .post("/api/v1/programs/" + program + "/enrollments")
                .then()
                .statusCode(201)
                .body("participantId", equalTo(youth.toString()));
    }

    @Test
    void importRow_nonCanonicalProgramId_isARowErrorAndStoresNothing() {
        String org = provider();
        UUID program = zeroPaddedProgram(org);
        String token = Tokens.of("provider-staff", org);
        String shortForm = "1-1-1-1-" + program.toString().substring(24);
        String line = youth(program, "S-" + UUID.randomUUID(), "2012-01-01");
        long[] before = db.youthCounts();

        finished(
                        token,
                        postCsv(token, HEADER + "\n" + line.replace(program.toString(), shortForm))
                                .path("id"))
                .then()
                .body("status", equalTo("FAILED"))
                .body("errors[0].row", equalTo(1))
                .body("errors[0].column", equalTo("programId"))
                .body("errors[0].message", equalTo("must be a program id (UUID)"));
        assertArrayEquals(before, db.youthCounts());
    }
}
