package io.steward.enrollment;

import static io.restassured.RestAssured.given;
import static io.steward.support.YouthFixtures.body;
import static io.steward.support.YouthFixtures.provider;
import static io.steward.support.YouthFixtures.staff;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.steward.support.AuditRows;
import io.steward.support.Tokens;
import io.steward.support.YouthFixtures;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Who may enroll a youth by id: a provider that serves it, or that created or matched it through
 * {@code POST /participants}. Anyone else gets the answer of an absent id, so that knowing an id
 * neither enrolls (and thereby reveals) the youth nor tells that it exists.
 */
@QuarkusTest
class EnrollmentClaimTest {

    @Inject AgroalDataSource db;

    /** Youth P, created and enrolled by provider A, and one program each of providers B and C. */
    record World(
            String a,
            String b,
            String c,
            String programB,
            String programC,
            String youth,
            Map<String, Object> body) {}

    static World world() {
        String a = provider();
        Map<String, Object> body = body();
        String youth = YouthFixtures.create(staff(a), body);
        YouthFixtures.enroll(a, YouthFixtures.program(a), youth);
        String b = provider();
        String c = provider();
        return new World(a, b, c, YouthFixtures.program(b), YouthFixtures.program(c), youth, body);
    }

    static Response enroll(String token, String programId, String participantId) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("participantId", participantId, "startDate", "2025-09-15"))
                .post("/api/v1/programs/" + programId + "/enrollments");
    }

    static Response post(String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/participants");
    }

    /** A problem body without its correlation id, which differs on every request. */
    static Map<String, Object> problem(Response response) {
        Map<String, Object> body = new HashMap<>(response.jsonPath().getMap("$"));
        body.remove("correlationId");
        return body;
    }

    static void assertHidden(String org, String programId, String youth) {
        given().auth()
                .oauth2(staff(org))
                .get("/api/v1/programs/" + programId + "/enrollments")
                .then()
                .statusCode(200)
                .body("items", equalTo(List.of()));
        given().auth()
                .oauth2(staff(org))
                .get("/api/v1/participants/" + youth)
                .then()
                .statusCode(404);
    }

    @Test
    void enroll_youthOfAnotherProviderById_answersAsAnAbsentIdStoresNothingAndAudits() {
        World w = world();
        long head = AuditRows.head(db);

        Response known = enroll(staff(w.b()), w.programB(), w.youth());
        Response absent = enroll(staff(w.b()), w.programB(), UUID.randomUUID().toString());

        assertEquals(400, known.statusCode());
        assertEquals(absent.statusCode(), known.statusCode());
        assertEquals(absent.contentType(), known.contentType());
        assertEquals(problem(absent), problem(known));
        assertEquals(List.of("participantId"), known.jsonPath().getList("errors.field"));
        assertHidden(w.b(), w.programB(), w.youth());
        List<AuditRows.Row> events = AuditRows.since(db, head, "enrollment.create");
        assertEquals(2, events.size());
        assertEquals("DENIED", events.get(0).outcome());
        assertEquals(List.of(UUID.fromString(w.youth())), events.get(0).participantIds());
        assertEquals(w.b(), events.get(0).org());
        assertEquals("NOT_FOUND", events.get(1).outcome());
        assertEquals(List.of(), events.get(1).participantIds());
    }

    @Test
    void enroll_caseManagerOfAnotherProviderById_isRefused() {
        World w = world();

        enroll(Tokens.of("case-manager", w.b()), w.programB(), w.youth())
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("participantId"));

        assertHidden(w.b(), w.programB(), w.youth());
    }

    @Test
    void enroll_afterMatchByKeyAndBirthDate_returns201AndGrantsRead() {
        World w = world();

        post(staff(w.b()), w.body()).then().statusCode(200).body("id", equalTo(w.youth()));
        enroll(staff(w.b()), w.programB(), w.youth()).then().statusCode(201);

        given().auth()
                .oauth2(staff(w.b()))
                .get("/api/v1/participants/" + w.youth())
                .then()
                .statusCode(200);
        enroll(staff(w.c()), w.programC(), w.youth()).then().statusCode(400);
        assertHidden(w.c(), w.programC(), w.youth());
    }

    @Test
    void enroll_afterWrongBirthDateConflict_isRefusedLikeAnAbsentId() {
        World w = world();
        Map<String, Object> guess = new HashMap<>(w.body());
        guess.put("dateOfBirth", "2014-03-18");

        post(staff(w.c()), guess).then().statusCode(409);
        Response known = enroll(staff(w.c()), w.programC(), w.youth());
        Response absent = enroll(staff(w.c()), w.programC(), UUID.randomUUID().toString());

        assertEquals(400, known.statusCode());
        assertEquals(problem(absent), problem(known));
        assertHidden(w.c(), w.programC(), w.youth());
    }

    @Test
    void enroll_youthCreatedWithoutKey_returns201ForItsCreatorOnly() {
        String a = provider();
        String b = provider();
        Map<String, Object> body = body();
        body.remove("districtCode");
        body.remove("districtStudentId");
        String youth = YouthFixtures.create(staff(a), body);

        given().auth().oauth2(staff(a)).get("/api/v1/participants/" + youth).then().statusCode(404);
        enroll(staff(b), YouthFixtures.program(b), youth).then().statusCode(400);
        enroll(Tokens.of("case-manager", a), YouthFixtures.program(a), youth)
                .then()
                .statusCode(201);

        given().auth().oauth2(staff(a)).get("/api/v1/participants/" + youth).then().statusCode(200);
    }

    @Test
    void enroll_servedYouthInAnotherOwnProgram_returns201() {
        World w = world();

        enroll(staff(w.a()), YouthFixtures.program(w.a()), w.youth()).then().statusCode(201);
    }
}
