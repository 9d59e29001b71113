package io.steward.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Agreements and consents made through the API, for tests of the features built on them. */
public final class Sharing {

    public static final String SHA = "a".repeat(64);

    private Sharing() {}

    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    public static String steward(String district) {
        return Tokens.of("district-steward", district);
    }

    public static Map<String, Object> agreementBody(
            String district, String recipient, List<String> categories) {
        Map<String, Object> body = new HashMap<>();
        body.put("districtCode", district);
        body.put("recipientCode", recipient);
        body.put("basis", "STUDIES");
        body.put("purpose", "Measure the effect of afterschool programs on attendance");
        body.put("dataCategories", categories);
        body.put("effectiveFrom", today().minusDays(30).toString());
        body.put("effectiveUntil", today().plusDays(300).toString());
        body.put("destroyBy", today().plusDays(330).toString());
        return body;
    }

    /** A DRAFT agreement of all three categories. */
    public static UUID draft(String district, String recipient) {
        return draft(district, recipient, List.of("SCHOOL_ATTENDANCE", "GRADES", "ASSESSMENTS"));
    }

    public static UUID draft(String district, String recipient, List<String> categories) {
        String id =
                given().auth()
                        .oauth2(Youth.admin())
                        .contentType(ContentType.JSON)
                        .body(agreementBody(district, recipient, categories))
                        .post("/api/v1/agreements")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        return UUID.fromString(id);
    }

    /** An ACTIVE agreement: drafted by the city, signed by the district's steward. */
    public static UUID active(String district, String recipient, List<String> categories) {
        UUID id = draft(district, recipient, categories);
        given().auth()
                .oauth2(steward(district))
                .post("/api/v1/agreements/" + id + "/signature")
                .then()
                .statusCode(200);
        return id;
    }

    public static UUID active(String district, String recipient) {
        return active(district, recipient, List.of("SCHOOL_ATTENDANCE", "GRADES", "ASSESSMENTS"));
    }

    public static io.restassured.response.ValidatableResponse upload(
            UUID agreement, String district, String contentType, String body) {
        return given().auth()
                .oauth2(steward(district))
                .contentType(contentType)
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/agreements/" + agreement + "/academic-records")
                .then();
    }

    public static Map<String, Object> consentBody(
            String recipient, List<String> categories, String method) {
        Map<String, Object> body = new HashMap<>();
        body.put("grantor", Map.of("name", "Dana Example", "relationship", "mother"));
        body.put("recipientCode", recipient);
        body.put("dataCategories", categories);
        body.put("purpose", "Coordinate tutoring with the school");
        body.put("signedOn", today().minusDays(2).toString());
        body.put("validFrom", today().minusDays(2).toString());
        body.put("validUntil", today().plusDays(200).toString());
        body.put("method", method);
        body.put("evidence", Map.of("sha256", SHA, "mediaType", "application/pdf"));
        return body;
    }

    /** Records a consent with a token; returns its id. */
    public static UUID consent(String token, UUID participant, Map<String, Object> body) {
        String id =
                given().auth()
                        .oauth2(token)
                        .contentType(ContentType.JSON)
                        .body(body)
                        .post("/api/v1/participants/" + participant + "/consents")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        return UUID.fromString(id);
    }
}
