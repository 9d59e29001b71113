package io.steward.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.steward.crypto.MasterKeys;
import io.steward.support.AuditRows;
import io.steward.support.RawHttp;
import io.steward.support.Sharing;
import io.steward.support.Tokens;
import io.steward.support.Youth;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Operations that take no body ({@code POST .../signature}, {@code POST /admin/keys/rotation})
 * refuse one with a 400 and change nothing, whatever it holds and however it is sent; without a
 * body, or with an empty one, they work.
 */
@QuarkusTest
class NoBodyTest {

    static final RestAssuredConfig EXACT_TYPE =
            RestAssured.config()
                    .encoderConfig(
                            EncoderConfig.encoderConfig()
                                    .appendDefaultContentCharsetToContentTypeIfUndefined(false));

    @Inject AgroalDataSource db;
    @Inject MasterKeys masterKeys;

    String district;
    UUID agreement;

    void draft() {
        district = Youth.org("DISTRICT");
        agreement = Sharing.draft(district, Youth.org("EVALUATOR"));
    }

    String signature() {
        return "/api/v1/agreements/" + agreement + "/signature";
    }

    void stillDraft(String etag) {
        given().auth()
                .oauth2(Youth.admin())
                .get("/api/v1/agreements/" + agreement)
                .then()
                .statusCode(200)
                .header("ETag", equalTo(etag))
                .body("status", equalTo("DRAFT"));
    }

    String etag() {
        return given().auth()
                .oauth2(Youth.admin())
                .get("/api/v1/agreements/" + agreement)
                .then()
                .extract()
                .header("ETag");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "application/json|{not json",
                "application/json|{}",
                "application/json|null",
                "application/json|' '",
                "text/plain|sign",
                "application/octet-stream|x",
            })
    void sign_withBody_returns400AndStaysDraft(String type, String body) {
        draft();
        String etag = etag();
        long head = AuditRows.head(db);

        given().config(EXACT_TYPE)
                .auth()
                .oauth2(Sharing.steward(district))
                .contentType(type)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post(signature())
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", equalTo("this request takes no body"));

        stillDraft(etag);
        assertEquals(List.of(), AuditRows.since(db, head, "agreement.sign"));
    }

    @Test
    void sign_withChunkedBody_returns400AndStaysDraft() throws Exception {
        draft();
        String etag = etag();

        RawHttp.Answer answer =
                RawHttp.send(
                        "POST "
                                + signature()
                                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                                + "Authorization: Bearer "
                                + Sharing.steward(district)
                                + "\r\nContent-Type: application/json\r\n"
                                + "Transfer-Encoding: chunked\r\n\r\n"
                                + "2\r\n{}\r\n0\r\n\r\n");

        assertEquals(400, answer.status());
        assertEquals("application/problem+json", answer.headers().get("content-type"));
        stillDraft(etag);
    }

    @Test
    void sign_withEmptyJsonBody_signs() {
        draft();

        given().config(EXACT_TYPE)
                .auth()
                .oauth2(Sharing.steward(district))
                .contentType("application/json")
                .body(new byte[0])
                .post(signature())
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void rotate_withBody_returns400AndKeepsThePrimaryKey() {
        int primary = masterKeys.primaryKeyId();
        long head = AuditRows.head(db);

        for (String type : List.of("application/json", "text/plain")) {
            given().config(EXACT_TYPE)
                    .auth()
                    .oauth2(Tokens.of("city-admin", "CITY"))
                    .contentType(type)
                    .body("{\"reason\":\"scheduled\"}".getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/admin/keys/rotation")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("body"));
        }

        assertEquals(primary, masterKeys.primaryKeyId());
        assertEquals(List.of(), AuditRows.since(db, head, "keys.rotate"));
    }

    @Test
    void rotate_withEmptyJsonBody_rotates() {
        int primary = masterKeys.primaryKeyId();

        int rotated =
                given().config(EXACT_TYPE)
                        .auth()
                        .oauth2(Tokens.of("city-admin", "CITY"))
                        .contentType("application/json")
                        .body(new byte[0])
                        .post("/api/v1/admin/keys/rotation")
                        .then()
                        .statusCode(202)
                        .extract()
                        .path("primaryKeyId");

        assertEquals(rotated, masterKeys.primaryKeyId());
        assertNotEquals(primary, rotated);
    }
}
