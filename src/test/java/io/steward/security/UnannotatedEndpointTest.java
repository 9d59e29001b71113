package io.steward.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.steward.support.Tokens;
import org.junit.jupiter.api.Test;

/** An endpoint without a security annotation is closed to everyone, whatever the role. */
@QuarkusTest
class UnannotatedEndpointTest {

    @Test
    void get_unannotatedWithCityAdminToken_returns403() {
        given().auth()
                .oauth2(Tokens.of("city-admin", "CITY"))
                .when()
                .get("/probe/unannotated")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403))
                .body(not(containsString("reached")));
    }

    @Test
    void get_unannotatedWithoutToken_returns401() {
        given().when()
                .get("/probe/unannotated")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body(not(containsString("reached")));
    }
}
