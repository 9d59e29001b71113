package io.steward.participants;

import static io.restassured.RestAssured.given;
import static io.steward.support.YouthFixtures.admin;
import static io.steward.support.YouthFixtures.provider;
import static io.steward.support.YouthFixtures.staff;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.steward.support.AuditRows;
import io.steward.support.Tokens;
import io.steward.support.YouthFixtures;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who sees what, across three providers: A and B both enroll youth Y (B finds Y by natural key), C
 * serves only youth Z. A guardian is linked to Y alone.
 */
@QuarkusTest
class ParticipantVisibilityTest {

    @Inject AgroalDataSource db;

    String a;
    String b;
    String c;
    String programA;
    String programB;
    String programC;
    String y;
    String z;
    String enrollmentA;
    String enrollmentB;
    Map<String, Object> bodyY;
    String guardianSubject;

    @BeforeEach
    void threeProviders() {
        a = provider();
        b = provider();
        c = provider();
        programA = YouthFixtures.program(a);
        programB = YouthFixtures.program(b);
        programC = YouthFixtures.program(c);
        bodyY = YouthFixtures.body();
        y = YouthFixtures.create(staff(a), bodyY);
        enrollmentA = YouthFixtures.enroll(a, programA, y);
        String matched = matchedId(staff(b));
        assertEquals(y, matched);
        enrollmentB = YouthFixtures.enroll(b, programB, y);
        z = YouthFixtures.create(staff(c), YouthFixtures.body());
        YouthFixtures.enroll(c, programC, z);
        guardianSubject = "guardian-" + UUID.randomUUID();
        ParticipantResourceTest.link(staff(a), y, guardianSubject).then().statusCode(201);
    }

    /** Posts youth Y again, as a provider that finds it by natural key and birth date. */
    String matchedId(String token) {
        ExtractableResponse<Response> answer = ParticipantResourceTest.post(token, bodyY);
        assertEquals(200, answer.statusCode());
        return answer.path("id");
    }

    int read(String token, String id) {
        return given().auth().oauth2(token).get("/api/v1/participants/" + id).statusCode();
    }

    String guardian() {
        return Tokens.of(guardianSubject, List.of("guardian"), null);
    }

    @Test
    void read_matrix_followsEveryRelationship() {
        assertEquals(200, read(staff(a), y));
        assertEquals(200, read(Tokens.of("case-manager", b), y));
        assertEquals(404, read(staff(c), y));
        assertEquals(200, read(admin(), y));
        assertEquals(200, read(guardian(), y));
        assertEquals(404, read(Tokens.of("guardian", null), y));
        assertEquals(200, read(staff(c), z));
        assertEquals(404, read(staff(a), z));
        assertEquals(404, read(guardian(), z));
        assertEquals(403, read(Tokens.of("evaluator", a), y));
        assertEquals(403, read(Tokens.of("dashboard", null), y));
    }

    @Test
    void read_hiddenAndAbsent_sameBodyAndBothAudited() {
        long head = AuditRows.head(db);

        ExtractableResponse<Response> hidden =
                given().auth().oauth2(staff(c)).get("/api/v1/participants/" + y).then().extract();
        ExtractableResponse<Response> absent =
                given().auth()
                        .oauth2(staff(c))
                        .get("/api/v1/participants/" + UUID.randomUUID())
                        .then()
                        .extract();

        assertEquals(404, hidden.statusCode());
        Map<String, Object> hiddenBody = hidden.as(Map.class);
        Map<String, Object> absentBody = absent.as(Map.class);
        hiddenBody.remove("correlationId");
        absentBody.remove("correlationId");
        assertEquals(absentBody, hiddenBody);
        List<AuditRows.Row> reads = AuditRows.since(db, head, "participant.read");
        assertEquals(2, reads.size());
        assertEquals("DENIED", reads.get(0).outcome());
        assertEquals(List.of(UUID.fromString(y)), reads.get(0).participantIds());
        assertEquals(c, reads.get(0).org());
        assertEquals("NOT_FOUND", reads.get(1).outcome());
        assertEquals(List.of(), reads.get(1).participantIds());
    }

    @Test
    void withdraw_oneProvider_leavesOtherProviderAccessIntact() {
        given().auth()
                .oauth2(staff(a))
                .contentType(ContentType.JSON)
                .body(Map.of("endDate", "2025-12-19"))
                .post(
                        "/api/v1/programs/"
                                + programA
                                + "/enrollments/"
                                + enrollmentA
                                + "/withdrawal")
                .then()
                .statusCode(200);

        assertEquals(200, read(staff(b), y));
        assertEquals(200, read(staff(a), y), "a provider that had the youth still sees it");
        assertEquals(404, read(staff(c), y));
        given().auth()
                .oauth2(staff(b))
                .get("/api/v1/programs/" + programB + "/enrollments")
                .then()
                .statusCode(200)
                .body("items.status", equalTo(List.of("ACTIVE")));
    }

    @Test
    void lists_showOnlyOwnEnrollmentsAttendanceAndPrograms() {
        given().auth()
                .oauth2(staff(b))
                .get("/api/v1/programs/" + programB + "/enrollments")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(enrollmentB)));
        for (String path : List.of("/enrollments", "/attendance", "")) {
            given().auth()
                    .oauth2(staff(b))
                    .get("/api/v1/programs/" + programA + path)
                    .then()
                    .statusCode(404);
            given().auth()
                    .oauth2(staff(c))
                    .get("/api/v1/programs/" + programA + path)
                    .then()
                    .statusCode(404);
            given().auth()
                    .oauth2(admin())
                    .get("/api/v1/programs/" + programA + path)
                    .then()
                    .statusCode(200);
        }
        given().auth()
                .oauth2(staff(c))
                .queryParam("limit", 500)
                .get("/api/v1/programs")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(programC)));
        given().auth()
                .oauth2(staff(b))
                .get("/api/v1/programs/" + programA + "/enrollments/" + enrollmentA)
                .then()
                .statusCode(404);
    }

    @Test
    void lookup_byNaturalKey_scopedInsideTheQuery() {
        for (String token : List.of(staff(a), staff(b), admin())) {
            lookup(token).body("items.id", equalTo(List.of(y)));
        }
        lookup(staff(c)).body("items", equalTo(List.of()));
        lookup(Tokens.of("provider-staff", null)).body("items", equalTo(List.of()));
        given().auth()
                .oauth2(guardian())
                .queryParam("districtCode", bodyY.get("districtCode"))
                .queryParam("districtStudentId", bodyY.get("districtStudentId"))
                .get("/api/v1/participants")
                .then()
                .statusCode(403);
    }

    @Test
    void enroll_byThirdProvider_isHowItComesToServeTheYouth() {
        assertEquals(404, read(staff(c), y));
        String matched = matchedId(staff(c));

        YouthFixtures.enroll(c, programC, matched);

        assertEquals(200, read(staff(c), y));
        given().auth()
                .oauth2(staff(c))
                .get("/api/v1/programs/" + programC + "/enrollments")
                .then()
                .body("items.participantId", hasItem(y))
                .body("items.id", not(hasItem(enrollmentA)));
    }

    io.restassured.response.ValidatableResponse lookup(String token) {
        return given().auth()
                .oauth2(token)
                .queryParam("districtCode", bodyY.get("districtCode"))
                .queryParam("districtStudentId", bodyY.get("districtStudentId"))
                .get("/api/v1/participants")
                .then()
                .statusCode(200);
    }
}
