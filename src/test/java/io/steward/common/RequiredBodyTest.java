package io.steward.common;

import static io.restassured.RestAssured.given;
import static io.steward.support.YouthFixtures.admin;
import static io.steward.support.YouthFixtures.body;
import static io.steward.support.YouthFixtures.provider;
import static io.steward.support.YouthFixtures.staff;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.steward.support.YouthFixtures;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A required JSON body left out (no bytes, or the JSON {@code null}) is a 400 naming {@code body}
 * ("is required"), never the Java parameter, and nothing is stored.
 */
@QuarkusTest
class RequiredBodyTest {

    static void refused(String token, String path, String body) {
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("body")))
                .body("errors.message", equalTo(List.of("is required")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null"})
    void postOrganization_withoutBody_namesBody(String body) {
        refused(admin(), "/api/v1/organizations", body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null"})
    void postProgram_withoutBody_namesBodyAndStoresNothing(String body) {
        String org = provider();
        refused(staff(org), "/api/v1/programs", body);
        given().auth()
                .oauth2(staff(org))
                .get("/api/v1/programs")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null"})
    void postEnrollment_withoutBody_namesBodyAndStoresNothing(String body) {
        String org = provider();
        String program = YouthFixtures.program(org);
        refused(staff(org), "/api/v1/programs/" + program + "/enrollments", body);
        given().auth()
                .oauth2(staff(org))
                .get("/api/v1/programs/" + program + "/enrollments")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null"})
    void postParticipant_withoutBody_namesBody(String body) {
        refused(staff(provider()), "/api/v1/participants", body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null"})
    void postGuardianLink_withoutBody_namesBody(String body) {
        String org = provider();
        String youth = YouthFixtures.create(staff(org), body());
        refused(admin(), "/api/v1/participants/" + youth + "/guardian-links", body);
    }
}
