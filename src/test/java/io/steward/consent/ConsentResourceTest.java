package io.steward.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.steward.support.Sharing;
import io.steward.support.Tokens;
import io.steward.support.Youth;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConsentResourceTest {

    @Inject Youth youth;

    record World(String provider, UUID participant, String guardian) {}

    World world() {
        String provider = Youth.org("PROVIDER");
        UUID participant = youth.participant(null, null);
        youth.enroll(provider, participant);
        String guardian = "guardian-" + UUID.randomUUID();
        youth.linkGuardian(participant, guardian);
        return new World(provider, participant, guardian);
    }

    static String guardian(String subject) {
        return Tokens.of(subject, List.of("guardian"), null);
    }

    static String path(UUID participant) {
        return "/api/v1/participants/" + participant + "/consents";
    }

    @Test
    void createPaper_byServingStaff_returns201ActiveWithEncryptedGrantor() {
        World w = world();
        Map<String, Object> body =
                Sharing.consentBody(w.provider(), List.of("GRADES", "SCHOOL_ATTENDANCE"), "PAPER");

        String id =
                given().auth()
                        .oauth2(Tokens.of("provider-staff", w.provider()))
                        .contentType(ContentType.JSON)
                        .body(body)
                        .post(path(w.participant()))
                        .then()
                        .statusCode(201)
                        .header("ETag", equalTo("\"0\""))
                        .header("Location", notNullValue())
                        .body("status", equalTo("ACTIVE"))
                        .body("grantor.name", equalTo("Dana Example"))
                        .body("recipientCode", equalTo(w.provider()))
                        .body("dataCategories", contains("SCHOOL_ATTENDANCE", "GRADES"))
                        .body("evidence.sha256", equalTo(Sharing.SHA))
                        .body("revocation", nullValue())
                        .extract()
                        .path("id");

        byte[] stored =
                (byte[])
                        youth.query(
                                        "select grantor_name from consent where id = ?1",
                                        UUID.fromString(id))
                                .get(0);
        assertFalse(
                new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1).contains("Dana"));
        assertEquals(
                1,
                youth.audits(
                        "consent.create",
                        "participants/" + w.participant() + "/consents/" + id,
                        "SUCCESS"));
    }

    @Test
    void create_missingFields_returns400NamingEachAndStoresNothing() {
        World w = world();
        Map<String, Object> body =
                new HashMap<>(Sharing.consentBody(w.provider(), List.of(), "PAPER"));
        body.remove("signedOn");
        body.remove("purpose");
        body.remove("recipientCode");
        body.put("grantor", Map.of("relationship", "father"));
        body.put("evidence", Map.of("sha256", "xyz", "mediaType", "application/pdf"));

        given().auth()
                .oauth2(Tokens.of("provider-staff", w.provider()))
                .contentType(ContentType.JSON)
                .body(body)
                .post(path(w.participant()))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        hasItems(
                                "signedOn",
                                "purpose",
                                "recipientCode",
                                "dataCategories",
                                "grantor.name",
                                "evidence.sha256"));
        assertEquals(
                0,
                youth.count(
                        "select count(*) from consent where participant_id = ?1", w.participant()));
    }

    @Test
    void create_validUntilBeforeValidFrom_returns400() {
        World w = world();
        Map<String, Object> body = Sharing.consentBody(w.provider(), List.of("GRADES"), "PAPER");
        body.put("validUntil", Sharing.today().minusDays(5).toString());
        given().auth()
                .oauth2(Tokens.of("provider-staff", w.provider()))
                .contentType(ContentType.JSON)
                .body(body)
                .post(path(w.participant()))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("validUntil"));
    }

    @Test
    void create_recipientNotAProvider_returns400() {
        World w = world();
        Map<String, Object> body =
                Sharing.consentBody(Youth.org("DISTRICT"), List.of("GRADES"), "PAPER");
        given().auth()
                .oauth2(Tokens.of("provider-staff", w.provider()))
                .contentType(ContentType.JSON)
                .body(body)
                .post(path(w.participant()))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("recipientCode"));
    }

    @Test
    void create_serverOwnedStatus_returns400() {
        World w = world();
        Map<String, Object> body = Sharing.consentBody(w.provider(), List.of("GRADES"), "PAPER");
        body.put("status", "ACTIVE");
        given().auth()
                .oauth2(Tokens.of("provider-staff", w.provider()))
                .contentType(ContentType.JSON)
                .body(body)
                .post(path(w.participant()))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("status"));
    }

    @Test
    void statuses_derivedFromDates() {
        World w = world();
        String staff = Tokens.of("provider-staff", w.provider());
        Map<String, Object> expired = Sharing.consentBody(w.provider(), List.of("GRADES"), "PAPER");
        expired.put("signedOn", Sharing.today().minusDays(400).toString());
        expired.put("validFrom", Sharing.today().minusDays(400).toString());
        expired.put("validUntil", Sharing.today().minusDays(1).toString());
        Map<String, Object> pending = Sharing.consentBody(w.provider(), List.of("GRADES"), "PAPER");
        pending.put("validFrom", Sharing.today().plusDays(10).toString());
        UUID e = Sharing.consent(staff, w.participant(), expired);
        UUID p = Sharing.consent(staff, w.participant(), pending);

        given().auth()
                .oauth2(staff)
                .get(path(w.participant()) + "/" + e)
                .then()
                .statusCode(200)
                .body("status", equalTo("EXPIRED"));
        given().auth()
                .oauth2(staff)
                .get(path(w.participant()) + "/" + p)
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING"));
    }

    @Test
    void revoke_byGuardian_isImmediateAndKeepsHistory() {
        World w = world();
        UUID id =
                Sharing.consent(
                        Tokens.of("provider-staff", w.provider()),
                        w.participant(),
                        Sharing.consentBody(w.provider(), List.of("GRADES"), "PAPER"));

        given().auth()
                .oauth2(guardian(w.guardian()))
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("reason", "changed my mind"))
                .post(path(w.participant()) + "/" + id + "/revocation")
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("status", equalTo("REVOKED"))
                .body("revocation.reason", equalTo("changed my mind"))
                .body("revocation.by", equalTo(w.guardian()));

        given().auth()
                .oauth2(guardian(w.guardian()))
                .get(path(w.participant()))
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id.toString()))
                .body("items.find { it.id == '" + id + "' }.status", equalTo("REVOKED"))
                .body("items.find { it.id == '" + id + "' }.grantor.name", equalTo("Dana Example"));
        assertEquals(
                1,
                youth.audits(
                        "consent.revoke",
                        "participants/" + w.participant() + "/consents/" + id,
                        "SUCCESS"));
    }

    @Test
    void revoke_staleIfMatch_returns412AndChangesNothing() {
        World w = world();
        UUID id =
                Sharing.consent(
                        Tokens.of("provider-staff", w.provider()),
                        w.participant(),
                        Sharing.consentBody(w.provider(), List.of("GRADES"), "PAPER"));

        given().auth()
                .oauth2(guardian(w.guardian()))
                .header("If-Match", "\"7\"")
                .post(path(w.participant()) + "/" + id + "/revocation")
                .then()
                .statusCode(412);
        given().auth()
                .oauth2(guardian(w.guardian()))
                .get(path(w.participant()) + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void revoke_twice_returns409() {
        World w = world();
        UUID id =
                Sharing.consent(
                        guardian(w.guardian()),
                        w.participant(),
                        Sharing.consentBody(w.provider(), List.of("GRADES"), "ELECTRONIC"));
        String url = path(w.participant()) + "/" + id + "/revocation";
        given().auth().oauth2(guardian(w.guardian())).post(url).then().statusCode(200);
        given().auth().oauth2(guardian(w.guardian())).post(url).then().statusCode(409);
    }

    @Test
    void consentRows_cannotBeUpdatedOrDeleted() {
        World w = world();
        UUID id =
                Sharing.consent(
                        guardian(w.guardian()),
                        w.participant(),
                        Sharing.consentBody(w.provider(), List.of("GRADES"), "ELECTRONIC"));
        assertThrows(
                RuntimeException.class,
                () -> youth.update("update consent set purpose = 'x' where id = ?1", id));
        assertThrows(
                RuntimeException.class,
                () -> youth.update("delete from consent where id = ?1", id));
    }

    @Test
    void list_pagesWalkEveryConsentOnce() {
        World w = world();
        for (int i = 0; i < 5; i++) {
            Sharing.consent(
                    guardian(w.guardian()),
                    w.participant(),
                    Sharing.consentBody(w.provider(), List.of("GRADES"), "ELECTRONIC"));
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(guardian(w.guardian())).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get(path(w.participant())).then().statusCode(200).extract();
            List<String> ids = page.path("items.id");
            ids.forEach(i -> org.junit.jupiter.api.Assertions.assertTrue(seen.add(i)));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertEquals(5, seen.size());
    }

    @Test
    void list_byStaffOfProviderNotServing_returns404AndIsAudited() {
        World w = world();
        String stranger = Youth.org("PROVIDER");
        given().auth()
                .oauth2(Tokens.of("provider-staff", stranger))
                .get(path(w.participant()))
                .then()
                .statusCode(404);
        assertEquals(
                1,
                youth.audits(
                        "consent.list",
                        "participants/" + w.participant() + "/consents",
                        "NOT_FOUND"));
    }

    @Test
    void get_recipientListsCategoriesInOrder() {
        World w = world();
        UUID id =
                Sharing.consent(
                        guardian(w.guardian()),
                        w.participant(),
                        Sharing.consentBody(
                                w.provider(), List.of("ASSESSMENTS", "GRADES"), "ELECTRONIC"));
        given().auth()
                .oauth2(Tokens.of("case-manager", w.provider()))
                .get(path(w.participant()) + "/" + id)
                .then()
                .statusCode(200)
                .body("dataCategories", containsInAnyOrder("GRADES", "ASSESSMENTS"))
                .body("method", equalTo("ELECTRONIC"));
    }
}
