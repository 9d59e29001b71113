package io.steward.participants;

import static io.restassured.RestAssured.given;
import static io.steward.support.YouthFixtures.admin;
import static io.steward.support.YouthFixtures.body;
import static io.steward.support.YouthFixtures.provider;
import static io.steward.support.YouthFixtures.staff;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
import org.junit.jupiter.api.Test;

@QuarkusTest
class ParticipantResourceTest {

    @Inject AgroalDataSource db;

    static ExtractableResponse<Response> post(String token, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/participants")
                .then()
                .extract();
    }

    /**
     * A provider with a program in which the youth is enrolled, so its staff may read it. It
     * matches the youth by natural key and birth date first: an id alone does not let it enroll.
     */
    static String servingProvider(Map<String, Object> body, String participantId) {
        String org = provider();
        assertEquals(participantId, post(staff(org), body).path("id"));
        YouthFixtures.enroll(org, YouthFixtures.program(org), participantId);
        return org;
    }

    @Test
    void create_valid_returns201WithProfileAndAudits() {
        Map<String, Object> body = body();
        String subject = "staff-" + UUID.randomUUID();
        String org = provider();
        long head = AuditRows.head(db);

        ExtractableResponse<Response> created =
                post(Tokens.of(subject, List.of("provider-staff"), org), body);

        assertEquals(201, created.statusCode());
        String id = created.path("id");
        assertEquals(body.get("firstName"), created.path("firstName"));
        assertEquals("2014-03-17", created.path("dateOfBirth"));
        assertEquals(body.get("districtStudentId"), created.path("districtStudentId"));
        assertEquals("parent", created.path("guardians[0].relationship"));
        assertEquals(
                "/api/v1/participants/" + id,
                java.net.URI.create(created.header("Location")).getPath());
        List<AuditRows.Row> events = AuditRows.since(db, head, "participant.create");
        assertEquals(1, events.size());
        assertEquals(subject, events.get(0).actor());
        assertEquals(org, events.get(0).org());
        assertEquals(List.of(UUID.fromString(id)), events.get(0).participantIds());
        assertEquals("SUCCESS", events.get(0).outcome());
    }

    @Test
    void create_sameKeyOtherCaseAndSpacesSameBirthDate_returns200WithExistingIdOnly() {
        Map<String, Object> body = body();
        String id = YouthFixtures.create(staff(provider()), body);
        Map<String, Object> again = body();
        again.put("districtCode", "  " + body.get("districtCode").toString().toLowerCase());
        again.put(
                "districtStudentId", body.get("districtStudentId").toString().toUpperCase() + " ");
        long head = AuditRows.head(db);

        ExtractableResponse<Response> matched = post(staff(provider()), again);

        assertEquals(200, matched.statusCode());
        assertEquals(Map.of("id", id), matched.as(Map.class));
        List<AuditRows.Row> events = AuditRows.since(db, head, "participant.match");
        assertEquals(List.of(UUID.fromString(id)), events.get(0).participantIds());
        assertEquals("SUCCESS", events.get(0).outcome());
        assertEquals(0, AuditRows.since(db, head, "participant.create").size());
    }

    @Test
    void create_sameKeyOtherBirthDate_returns409RevealingNothingAndAuditsDenial() {
        Map<String, Object> body = body();
        String id = YouthFixtures.create(staff(provider()), body);
        Map<String, Object> other = body();
        other.put("districtCode", body.get("districtCode"));
        other.put("districtStudentId", body.get("districtStudentId"));
        other.put("dateOfBirth", "2014-03-18");
        long head = AuditRows.head(db);

        ExtractableResponse<Response> refused = post(staff(provider()), other);

        assertEquals(409, refused.statusCode());
        String text = refused.asString();
        assertFalse(text.contains(id), "the 409 must not reveal the existing id");
        assertFalse(text.contains("2014-03-17"), "the 409 must not reveal the birth date");
        assertFalse(text.contains(body.get("firstName").toString()));
        List<AuditRows.Row> events = AuditRows.since(db, head, "participant.match");
        assertEquals(1, events.size());
        assertEquals("DENIED", events.get(0).outcome());
        assertEquals(List.of(UUID.fromString(id)), events.get(0).participantIds());
    }

    @Test
    void create_decomposedNames_storedNfcAndTrimmed() {
        Map<String, Object> body = body();
        body.put("firstName", "  Zoe\u0308 ");
        body.put("lastName", "Mun\u0303oz-O'Brien");
        String id = YouthFixtures.create(staff(provider()), body);
        String org = servingProvider(body, id);

        given().auth()
                .oauth2(staff(org))
                .get("/api/v1/participants/" + id)
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("firstName", equalTo("Zo\u00eb"))
                .body("lastName", equalTo("Mu\u00f1oz-O'Brien"));
    }

    @Test
    void create_withoutNaturalKey_createsEachTime() {
        Map<String, Object> body = body();
        body.remove("districtCode");
        body.remove("districtStudentId");
        String first = YouthFixtures.create(staff(provider()), body);
        String second = YouthFixtures.create(staff(provider()), body);
        assertFalse(first.equals(second));
    }

    @Test
    void create_asCityAdmin_returns403AndAuditsDenial() {
        long head = AuditRows.head(db);
        assertEquals(403, post(admin(), body()).statusCode());
        assertEquals(1, AuditRows.since(db, head, "denied.role").size());
    }

    @Test
    void get_asCityAdmin_returns200AndAuditsRead() {
        String id = YouthFixtures.create(staff(provider()), body());
        long head = AuditRows.head(db);

        given().auth()
                .oauth2(admin())
                .get("/api/v1/participants/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id));

        List<AuditRows.Row> reads = AuditRows.since(db, head, "participant.read");
        assertEquals(1, reads.size());
        assertEquals(List.of(UUID.fromString(id)), reads.get(0).participantIds());
        assertEquals("SUCCESS", reads.get(0).outcome());
    }

    @Test
    void get_creatorWithoutEnrollment_returns404() {
        String org = provider();
        String id = YouthFixtures.create(staff(org), body());
        given().auth().oauth2(staff(org)).get("/api/v1/participants/" + id).then().statusCode(404);
    }

    @Test
    void get_notUuid_returns404ProblemJson() {
        given().auth()
                .oauth2(admin())
                .get("/api/v1/participants/not-a-uuid")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void lookup_byKeyAnyCase_returnsYouthOnlyToServingProviderAndCity() {
        Map<String, Object> body = body();
        String id = YouthFixtures.create(staff(provider()), body);
        String serving = servingProvider(body, id);
        String code = body.get("districtCode").toString().toLowerCase();
        String student = " " + body.get("districtStudentId").toString().toLowerCase();

        for (String token : List.of(staff(serving), admin())) {
            given().auth()
                    .oauth2(token)
                    .queryParam("districtCode", code)
                    .queryParam("districtStudentId", student)
                    .get("/api/v1/participants")
                    .then()
                    .statusCode(200)
                    .body("items.id", equalTo(List.of(id)))
                    .body("items[0].firstName", equalTo(body.get("firstName")))
                    .body("nextCursor", equalTo(null));
        }
        long head = AuditRows.head(db);
        given().auth()
                .oauth2(staff(provider()))
                .queryParam("districtCode", code)
                .queryParam("districtStudentId", student)
                .get("/api/v1/participants")
                .then()
                .statusCode(200)
                .body("items", equalTo(List.of()));
        List<AuditRows.Row> lookups = AuditRows.since(db, head, "participant.lookup");
        assertEquals("DENIED", lookups.get(0).outcome());
        assertEquals(List.of(UUID.fromString(id)), lookups.get(0).participantIds());
    }

    @Test
    void lookup_missingStudentId_returns400NamingIt() {
        given().auth()
                .oauth2(admin())
                .queryParam("districtCode", "D1")
                .get("/api/v1/participants")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("districtStudentId"));
    }

    @Test
    void guardianLink_byServingProvider_letsGuardianReadOnlyThatYouth() {
        Map<String, Object> body = body();
        String id = YouthFixtures.create(staff(provider()), body);
        String other = YouthFixtures.create(staff(provider()), body());
        String org = servingProvider(body, id);
        String subject = "guardian-" + UUID.randomUUID();
        String guardian = Tokens.of(subject, List.of("guardian"), null);
        given().auth().oauth2(guardian).get("/api/v1/participants/" + id).then().statusCode(404);
        long head = AuditRows.head(db);

        link(staff(org), id, subject).then().statusCode(201).body("subject", equalTo(subject));
        link(staff(org), id, subject).then().statusCode(200);

        given().auth().oauth2(guardian).get("/api/v1/participants/" + id).then().statusCode(200);
        given().auth().oauth2(guardian).get("/api/v1/participants/" + other).then().statusCode(404);
        List<AuditRows.Row> links = AuditRows.since(db, head, "participant.guardian-link");
        assertEquals(2, links.size());
        assertEquals(List.of(UUID.fromString(id)), links.get(0).participantIds());
    }

    @Test
    void guardianLink_byProviderNotServing_returns404AndLinksNothing() {
        String id = YouthFixtures.create(staff(provider()), body());
        String subject = "guardian-" + UUID.randomUUID();
        long head = AuditRows.head(db);

        link(staff(provider()), id, subject).then().statusCode(404);

        List<AuditRows.Row> events = AuditRows.since(db, head, "participant.guardian-link");
        assertEquals("DENIED", events.get(0).outcome());
        given().auth()
                .oauth2(Tokens.of(subject, List.of("guardian"), null))
                .get("/api/v1/participants/" + id)
                .then()
                .statusCode(404);
    }

    @Test
    void guardianLink_byGuardianOrWithoutSubject_isRefused() {
        String id = YouthFixtures.create(staff(provider()), body());
        link(Tokens.of("guardian", null), id, "someone").then().statusCode(403);
        link(admin(), id, " ").then().statusCode(400).body("errors[0].field", equalTo("subject"));
        link(admin(), id, "a b").then().statusCode(400);
        link(admin(), id, "ok-" + UUID.randomUUID()).then().statusCode(201);
    }

    static io.restassured.response.Response link(String token, String id, String subject) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("subject", subject))
                .post("/api/v1/participants/" + id + "/guardian-links");
    }
}
