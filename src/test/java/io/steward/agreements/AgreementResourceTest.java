package io.steward.agreements;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.steward.support.Sharing;
import io.steward.support.Tokens;
import io.steward.support.Youth;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AgreementResourceTest {

    @Inject Youth youth;

    @Test
    void create_asCityAdmin_returns201DraftWithDefaultCellSize() {
        String district = Youth.org("DISTRICT");
        String evaluator = Youth.org("EVALUATOR");
        String id =
                given().auth()
                        .oauth2(Youth.admin())
                        .contentType(ContentType.JSON)
                        .body(Sharing.agreementBody(district, evaluator, List.of("GRADES")))
                        .post("/api/v1/agreements")
                        .then()
                        .statusCode(201)
                        .header("ETag", notNullValue())
                        .body("status", equalTo("DRAFT"))
                        .body("minimumCellSize", equalTo(10))
                        .body("districtCode", equalTo(district))
                        .body("dataCategories", contains("GRADES"))
                        .extract()
                        .path("id");
        assertEquals(1, youth.audits("agreement.create", "agreements/" + id, "SUCCESS"));
    }

    @Test
    void create_invalidFields_returns400NamingEach() {
        String district = Youth.org("DISTRICT");
        Map<String, Object> body =
                Sharing.agreementBody(Youth.org("PROVIDER"), district, List.of("GRADES"));
        body.put("minimumCellSize", 4);
        body.remove("purpose");
        given().auth()
                .oauth2(Youth.admin())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/agreements")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("minimumCellSize", "purpose"));

        Map<String, Object> dates =
                Sharing.agreementBody(district, Youth.org("EVALUATOR"), List.of("GRADES"));
        dates.put("destroyBy", Sharing.today().toString());
        given().auth()
                .oauth2(Youth.admin())
                .contentType(ContentType.JSON)
                .body(dates)
                .post("/api/v1/agreements")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("destroyBy"));

        Map<String, Object> swapped =
                Sharing.agreementBody(Youth.org("PROVIDER"), district, List.of("GRADES"));
        given().auth()
                .oauth2(Youth.admin())
                .contentType(ContentType.JSON)
                .body(swapped)
                .post("/api/v1/agreements")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("districtCode"));
    }

    @Test
    void create_unknownCategory_returns400() {
        given().auth()
                .oauth2(Youth.admin())
                .contentType(ContentType.JSON)
                .body(
                        Sharing.agreementBody(
                                Youth.org("DISTRICT"), Youth.org("EVALUATOR"), List.of("HEALTH")))
                .post("/api/v1/agreements")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("dataCategories[0]"));
    }

    @Test
    void sign_byDistrictSteward_activatesOnceAndHonoursIfMatch() {
        String district = Youth.org("DISTRICT");
        UUID id = Sharing.draft(district, Youth.org("EVALUATOR"));
        String url = "/api/v1/agreements/" + id + "/signature";

        given().auth()
                .oauth2(Sharing.steward(district))
                .header("If-Match", "\"9\"")
                .post(url)
                .then()
                .statusCode(412);
        given().auth()
                .oauth2(Sharing.steward(district))
                .header("If-Match", "\"0\"")
                .post(url)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("signedAt", notNullValue())
                .header("ETag", equalTo("\"1\""));
        given().auth().oauth2(Sharing.steward(district)).post(url).then().statusCode(409);
        assertEquals(1, youth.audits("agreement.sign", "agreements/" + id, "SUCCESS"));
    }

    @Test
    void terminate_withReason_endsAndCertifiesDestruction() {
        String district = Youth.org("DISTRICT");
        UUID id = Sharing.active(district, Youth.org("EVALUATOR"));
        given().auth()
                .oauth2(Sharing.steward(district))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "study finished early"))
                .post("/api/v1/agreements/" + id + "/termination")
                .then()
                .statusCode(200)
                .body("status", equalTo("TERMINATED"))
                .body("endReason", equalTo("study finished early"));
        given().auth()
                .oauth2(Youth.admin())
                .get("/api/v1/agreements/" + id + "/destruction")
                .then()
                .statusCode(200)
                .body("records", equalTo(0))
                .body("cause", equalTo("TERMINATION"))
                .body("destroyedAt", notNullValue());
        given().auth()
                .oauth2(Youth.admin())
                .post("/api/v1/agreements/" + id + "/termination")
                .then()
                .statusCode(409);
        assertEquals(1, youth.audits("agreement.terminate", "agreements/" + id, "SUCCESS"));
    }

    @Test
    void terminate_unknownReasonField_returns400AndKeepsActive() {
        String district = Youth.org("DISTRICT");
        UUID id = Sharing.active(district, Youth.org("EVALUATOR"));
        given().auth()
                .oauth2(Youth.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("why", "x"))
                .post("/api/v1/agreements/" + id + "/termination")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("why"));
        given().auth()
                .oauth2(Youth.admin())
                .get("/api/v1/agreements/" + id)
                .then()
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void get_pastEffectiveUntil_readsExpiredAndCannotBeSigned() {
        String district = Youth.org("DISTRICT");
        UUID id = Sharing.draft(district, Youth.org("EVALUATOR"));
        youth.update(
                "update agreement set effective_from = ?1, effective_until = ?2, destroy_by = ?2"
                        + " where id = ?3",
                Sharing.today().minusDays(60),
                Sharing.today().minusDays(1),
                id);
        given().auth()
                .oauth2(Sharing.steward(district))
                .get("/api/v1/agreements/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("EXPIRED"));
        given().auth()
                .oauth2(Sharing.steward(district))
                .post("/api/v1/agreements/" + id + "/signature")
                .then()
                .statusCode(409);
    }

    @Test
    void upload_signedButNotYetInEffect_returns409() {
        String district = Youth.org("DISTRICT");
        Map<String, Object> body =
                Sharing.agreementBody(district, Youth.org("EVALUATOR"), List.of("GRADES"));
        body.put("effectiveFrom", Sharing.today().plusDays(10).toString());
        String id =
                given().auth()
                        .oauth2(Youth.admin())
                        .contentType(ContentType.JSON)
                        .body(body)
                        .post("/api/v1/agreements")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        given().auth()
                .oauth2(Sharing.steward(district))
                .post("/api/v1/agreements/" + id + "/signature")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"));
        Sharing.upload(
                        UUID.fromString(id),
                        district,
                        "text/csv",
                        "districtStudentId,schoolYear,category,course,mark\n"
                                + "A,2021-2022,GRADES,Art,A\n")
                .statusCode(409);
    }

    @Test
    void list_isScopedToTheCallersParty() {
        String district = Youth.org("DISTRICT");
        String other = Youth.org("DISTRICT");
        String evaluator = Youth.org("EVALUATOR");
        UUID mine = Sharing.draft(district, evaluator);
        UUID theirs = Sharing.draft(other, Youth.org("EVALUATOR"));

        given().auth()
                .oauth2(Sharing.steward(district))
                .queryParam("limit", 500)
                .get("/api/v1/agreements")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(mine.toString()))
                .body("items.id", not(hasItem(theirs.toString())))
                .body("items.districtCode", everyItem(equalTo(district)));
        given().auth()
                .oauth2(Tokens.of("evaluator", evaluator))
                .get("/api/v1/agreements")
                .then()
                .statusCode(200)
                .body("items.id", contains(mine.toString()));
        given().auth()
                .oauth2(Tokens.of("dashboard", evaluator))
                .get("/api/v1/agreements")
                .then()
                .statusCode(403);
    }

    @Test
    void list_cityAdminWalksEveryAgreementOnce() {
        for (int i = 0; i < 3; i++) {
            Sharing.draft(Youth.org("DISTRICT"), Youth.org("EVALUATOR"));
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(Youth.admin()).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/agreements").then().statusCode(200).extract();
            List<String> ids = page.path("items.id");
            ids.forEach(i -> org.junit.jupiter.api.Assertions.assertTrue(seen.add(i)));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        org.junit.jupiter.api.Assertions.assertTrue(seen.size() >= 3);
    }

    @Test
    void destruction_beforeTermination_returns404() {
        UUID id = Sharing.draft(Youth.org("DISTRICT"), Youth.org("EVALUATOR"));
        given().auth()
                .oauth2(Youth.admin())
                .get("/api/v1/agreements/" + id + "/destruction")
                .then()
                .statusCode(404);
    }
}
