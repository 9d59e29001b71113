package io.steward.participants;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.steward.support.AuditRows;
import io.steward.support.ReadWorld;
import io.steward.support.Sharing;
import io.steward.support.Tokens;
import io.steward.support.Youth;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Guardian links and the logins that hold a staff role too. Youth Y of {@link ReadWorld} is served
 * by provider P and has school records of all three categories; a consent names P for attendance.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuardianLinkTest {

    static final List<String> ALL = List.of("ASSESSMENTS", "GRADES", "SCHOOL_ATTENDANCE");

    @Inject AgroalDataSource db;
    @Inject Youth youth;
    ReadWorld w;

    @BeforeEach
    void world() {
        if (w == null) {
            w = new ReadWorld(youth);
        }
    }

    static Response link(String token, UUID participant, String subject) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("subject", subject))
                .post("/api/v1/participants/" + participant + "/guardian-links");
    }

    Response records(String token) {
        return given().auth()
                .oauth2(token)
                .get("/api/v1/participants/" + w.y + "/academic-records");
    }

    long links(String subject) {
        return youth.count(
                "select count(*) from guardian_link where participant_id = ?1 and lower(subject)"
                        + " = lower(?2)",
                w.y,
                subject);
    }

    long disclosures() {
        return youth.count("select count(*) from disclosure where participant_id = ?1", w.y);
    }

    @Test
    void link_ownSubjectByStaffWhoIsGuardian_returns400AuditsDeniedAndStoresNothing() {
        String sub = "staff-" + UUID.randomUUID();
        String mixed = Tokens.of(sub, List.of("provider-staff", "guardian"), w.p);
        long head = AuditRows.head(db);
        long disclosed = disclosures();

        for (String subject : List.of(sub, sub.toUpperCase())) {
            link(mixed, w.y, subject)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("subject"))
                    .body("errors[0].message", equalTo("must not be your own login"));
        }

        assertEquals(0, links(sub));
        List<AuditRows.Row> events = AuditRows.since(db, head, "participant.guardian-link");
        assertEquals(2, events.size());
        assertEquals("DENIED", events.get(0).outcome());
        assertEquals(sub, events.get(0).actor());
        assertEquals(List.of(w.y), events.get(0).participantIds());
        records(mixed).then().statusCode(403);
        assertEquals(disclosed, disclosures());
    }

    @Test
    void link_ownSubjectByCityAdmin_returns400AndStoresNothing() {
        String sub = "admin-" + UUID.randomUUID();

        link(Tokens.of(sub, List.of("city-admin"), "CITY"), w.y, sub)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("subject"));

        assertEquals(0, links(sub));
    }

    @Test
    void link_ownSubjectToYouthNotServed_returns404NotTheRuleAbout400() {
        String sub = "staff-" + UUID.randomUUID();

        link(Tokens.of(sub, List.of("provider-staff", "guardian"), w.ps), w.y, sub)
                .then()
                .statusCode(404);

        assertEquals(0, links(sub));
    }

    @Test
    void guardianRights_staffOfServingProviderLinkedByColleague_areRefused() {
        String sub = "staff-" + UUID.randomUUID();
        link(Tokens.of("provider-staff", w.p), w.y, sub).then().statusCode(201);
        String staffGuardian = Tokens.of(sub, List.of("provider-staff", "guardian"), w.p);
        String caseManagerGuardian = Tokens.of(sub, List.of("case-manager", "guardian"), w.p);
        long disclosed = disclosures();

        records(staffGuardian).then().statusCode(403).contentType("application/problem+json");
        assertEquals(disclosed, disclosures());
        assertEquals(
                List.of("SCHOOL_ATTENDANCE"),
                records(caseManagerGuardian)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("items.category"));
        given().auth()
                .oauth2(staffGuardian)
                .get("/api/v1/participants/" + w.y + "/disclosures")
                .then()
                .statusCode(403);
        long consents = youth.count("select count(*) from consent where participant_id = ?1", w.y);
        given().auth()
                .oauth2(staffGuardian)
                .contentType(ContentType.JSON)
                .body(Sharing.consentBody(w.p, List.of("GRADES"), "ELECTRONIC"))
                .post("/api/v1/participants/" + w.y + "/consents")
                .then()
                .statusCode(403);
        assertEquals(
                consents,
                youth.count("select count(*) from consent where participant_id = ?1", w.y));
    }

    @Test
    void guardianRights_sameSubjectWithGuardianRoleAlone_areKept() {
        String sub = "parent-" + UUID.randomUUID();
        link(Tokens.of("provider-staff", w.p), w.y, sub).then().statusCode(201);

        List<String> seen =
                records(Tokens.of(sub, List.of("guardian"), null))
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("items.category");

        assertEquals(ALL, seen.stream().sorted().toList());
    }

    @Test
    void guardianRights_staffOfProviderNotServingTheYouth_areKept() {
        String sub = "parent-" + UUID.randomUUID();
        link(Tokens.of("provider-staff", w.p), w.y, sub).then().statusCode(201);

        List<String> seen =
                records(Tokens.of(sub, List.of("provider-staff", "guardian"), w.ps))
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("items.category");

        assertEquals(ALL, seen.stream().sorted().toList());
    }

    @Test
    void guardianRights_cityAdminLinkedByProvider_areRefused() {
        String sub = "admin-" + UUID.randomUUID();
        link(Tokens.of("provider-staff", w.p), w.y, sub).then().statusCode(201);
        long disclosed = disclosures();

        records(Tokens.of(sub, List.of("city-admin", "guardian"), "CITY")).then().statusCode(403);

        assertEquals(disclosed, disclosures());
    }

    @Test
    void guardianRights_linkMadeByItsOwnSubjectBeforeTheRule_countForNothing() {
        String sub = "staff-" + UUID.randomUUID();
        youth.update(
                "insert into guardian_link (participant_id, subject, created_at, created_by)"
                        + " values (?1, ?2, now(), ?2)",
                w.y,
                sub);
        String guardian = Tokens.of(sub, List.of("guardian"), null);

        given().auth().oauth2(guardian).get("/api/v1/participants/" + w.y).then().statusCode(404);
        records(guardian).then().statusCode(404);
        given().auth()
                .oauth2(guardian)
                .get("/api/v1/participants/" + w.y + "/disclosures")
                .then()
                .statusCode(404);
    }
}
