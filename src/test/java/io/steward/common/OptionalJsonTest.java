package io.steward.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.ValidatableResponse;
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
 * Operations whose body is optional ({@code POST .../revocation}, {@code POST .../termination}): a
 * body that is there must be a JSON object of the request's shape, or the answer is a 400 (415 for
 * another media type) and nothing changes. Without a body, or with an empty one, they work.
 */
@QuarkusTest
class OptionalJsonTest {

    static final RestAssuredConfig EXACT_TYPE =
            RestAssured.config()
                    .encoderConfig(
                            EncoderConfig.encoderConfig()
                                    .appendDefaultContentCharsetToContentTypeIfUndefined(false));

    @Inject Youth youth;

    /**
     * A paper consent recorded by provider P for a youth it serves; returns {P, youth, consent}.
     */
    Object[] consent() {
        String provider = Youth.org("PROVIDER");
        UUID participant = youth.participant(null, null);
        youth.enroll(provider, participant);
        UUID consent =
                Sharing.consent(
                        Tokens.of("provider-staff", provider),
                        participant,
                        Sharing.consentBody(provider, List.of("GRADES"), "PAPER"));
        return new Object[] {provider, participant, consent};
    }

    static String revocation(Object[] c) {
        return "/api/v1/participants/" + c[1] + "/consents/" + c[2] + "/revocation";
    }

    static ValidatableResponse post(String token, String url, String type, String body) {
        return given().config(EXACT_TYPE)
                .auth()
                .oauth2(token)
                .contentType(type)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post(url)
                .then();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "application/json|{not json|400",
                "application/json|null|400",
                "application/json|[]|400",
                "application/json|'\"moved\"'|400",
                "application/json|42|400",
                "application/json|' '|400",
                "application/json|'{\"reason\":5}'|400",
                "application/json|'{\"why\":\"moved\"}'|400",
                "application/json|'{\"reason\":\"moved\"} {}'|400",
                "text/plain|'{\"reason\":\"moved\"}'|415",
            })
    void revoke_withBadBody_isRefusedAndConsentStaysActive(String type, String body, int status) {
        Object[] c = consent();
        String staff = Tokens.of("provider-staff", (String) c[0]);

        post(staff, revocation(c), type, body)
                .statusCode(status)
                .contentType("application/problem+json");

        given().auth()
                .oauth2(staff)
                .get("/api/v1/participants/" + c[1] + "/consents/" + c[2])
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void revoke_withEmptyJsonBodyOrEmptyObject_revokes() {
        Object[] first = consent();
        Object[] second = consent();

        post(
                        Tokens.of("provider-staff", (String) first[0]),
                        revocation(first),
                        "application/json",
                        "")
                .statusCode(200)
                .body("status", equalTo("REVOKED"));
        post(
                        Tokens.of("provider-staff", (String) second[0]),
                        revocation(second),
                        "application/json",
                        "{}")
                .statusCode(200)
                .body("status", equalTo("REVOKED"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "application/json|{not json|400",
                "application/json|null|400",
                "application/json|'\"ended\"'|400",
                "application/json|' '|400",
                "application/json|'{\"reason\":[]}'|400",
                "text/plain|ended|415",
            })
    void terminate_withBadBody_isRefusedAndAgreementStaysActive(
            String type, String body, int status) {
        String district = Youth.org("DISTRICT");
        UUID agreement = Sharing.active(district, Youth.org("EVALUATOR"));
        String url = "/api/v1/agreements/" + agreement;

        post(Youth.admin(), url + "/termination", type, body)
                .statusCode(status)
                .contentType("application/problem+json");

        given().auth()
                .oauth2(Youth.admin())
                .get(url)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"));
    }
}
