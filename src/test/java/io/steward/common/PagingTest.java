package io.steward.common;

import static io.restassured.RestAssured.given;
import static io.steward.common.ProblemTest.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.quarkus.test.junit.QuarkusTest;
import io.steward.support.Tokens;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code limit} is a whole number written in plain digits. */
@QuarkusTest
class PagingTest {

    static final String BAD_LIMIT = "must be a whole number from 1 to 500";

    // limit: plain digits only. Integer.parseInt alone took a sign, surrounding spaces (after a
    // trim) and digits of other scripts.

    @ParameterizedTest
    @ValueSource(strings = {"+5", " 5", "5 ", "\u0665", "+0005", "5\u00a0", "0x5", "5.0"})
    void limit_notPlainDigits_returns400NamingLimit(String limit) {
        for (String path : List.of("/api/v1/organizations", "/api/v1/audit/events")) {
            String role = path.contains("audit") ? "auditor" : "city-admin";
            assertProblem(
                            given().auth()
                                    .oauth2(Tokens.of(role, "CITY"))
                                    .queryParam("limit", limit)
                                    .get(path)
                                    .then(),
                            400)
                    .body("errors", hasSize(1))
                    .body("errors[0].field", equalTo("limit"))
                    .body("errors[0].message", equalTo(BAD_LIMIT));
        }
    }

    @Test
    void limit_rawPlusSign_returns400NamingLimit() {
        // Unencoded, "+" in a query may be read as a space; either way it is not plain digits.
        given().urlEncodingEnabled(false)
                .auth()
                .oauth2(Tokens.of("city-admin", "CITY"))
                .get("/api/v1/organizations?limit=+5")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "05", "500"})
    void limit_plainDigits_isAccepted(String limit) {
        given().auth()
                .oauth2(Tokens.of("city-admin", "CITY"))
                .queryParam("limit", limit)
                .get("/api/v1/organizations")
                .then()
                .statusCode(200)
                .body("items.size()", lessThanOrEqualTo(Integer.parseInt(limit)));
    }
}
