package io.steward.common;

import static io.restassured.RestAssured.given;
import static io.steward.common.ProblemTest.ORGS;
import static io.steward.common.ProblemTest.admin;
import static io.steward.common.ProblemTest.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.steward.support.Tokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One rule for the query parameters of every endpoint: a declared parameter given twice, or given
 * with an empty or blank value, is a 400 naming it; it is never read as the first value or as
 * absent. Parameters an endpoint does not declare are ignored.
 */
@QuarkusTest
class QueryParamsTest {

    static final String AUDIT = "/api/v1/audit/events";
    static final String OUTCOMES = "/api/v1/outcomes/participation";

    static RequestSpecification as(String role) {
        return given().auth().oauth2(Tokens.of(role, "CITY"));
    }

    static void refused(RequestSpecification request, String path, String field, String message) {
        assertProblem(request.get(path).then(), 400)
                .body("type", equalTo("https://steward.example/problems/validation"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", equalTo(message));
    }

    @Test
    void list_repeatedLimit_returns400NamingIt() {
        refused(
                given().auth().oauth2(admin()).queryParam("limit", 5, 500),
                ORGS,
                "limit",
                "must be given only once");
    }

    @Test
    void list_emptyOrBlankLimit_returns400NamingIt() {
        refused(given().auth().oauth2(admin()).queryParam("limit", ""), ORGS, "limit", BLANK);
        refused(given().auth().oauth2(admin()).queryParam("limit", " "), ORGS, "limit", BLANK);
        refused(given().auth().oauth2(admin()).queryParam("limit"), ORGS, "limit", BLANK);
    }

    @Test
    void list_emptyCursor_returns400NamingIt() {
        refused(given().auth().oauth2(admin()).queryParam("cursor", ""), ORGS, "cursor", BLANK);
    }

    @Test
    void auditEvents_emptyFilters_return400NamingEach() {
        for (String name : new String[] {"from", "to", "actor", "participantId"}) {
            refused(as("auditor").queryParam(name, ""), AUDIT, name, BLANK);
            refused(as("auditor").queryParam(name, "  "), AUDIT, name, BLANK);
        }
    }

    @Test
    void outcomes_emptySchoolYearOrProvider_returns400NamingIt() {
        var year = as("dashboard").queryParam("groupBy", "gradeLevel").queryParam("schoolYear", "");
        refused(year, OUTCOMES, "schoolYear", BLANK);
        var provider =
                as("dashboard").queryParam("groupBy", "provider").queryParam("providerCode", " ");
        refused(provider, OUTCOMES, "providerCode", BLANK);
    }

    @Test
    void outcomes_repeatedGroupBy_returns400NamingIt() {
        refused(
                as("dashboard").queryParam("groupBy", "provider", "gradeLevel"),
                OUTCOMES,
                "groupBy",
                "must be given only once");
    }

    @Test
    void attendance_emptyDate_returns400NamingIt() {
        String path = "/api/v1/programs/" + UUID.randomUUID() + "/attendance";
        refused(given().auth().oauth2(admin()).queryParam("from", ""), path, "from", BLANK);
    }

    @Test
    void participantLookup_emptyKey_returns400NamingIt() {
        var request =
                given().auth()
                        .oauth2(admin())
                        .queryParam("districtCode", "")
                        .queryParam("districtStudentId", "S-1");
        refused(request, "/api/v1/participants", "districtCode", BLANK);
    }

    @Test
    void list_severalBadParameters_namesEachOnce() {
        assertProblem(
                        given().auth()
                                .oauth2(admin())
                                .queryParam("limit", 5, 6)
                                .queryParam("cursor", "")
                                .get(ORGS)
                                .then(),
                        400)
                .body("errors.field", equalTo(java.util.List.of("cursor", "limit")));
    }

    @Test
    void list_undeclaredParameter_isIgnored() {
        given().auth()
                .oauth2(admin())
                .queryParam("unused", "")
                .queryParam("other", 1, 2)
                .queryParam("limit", 5)
                .get(ORGS)
                .then()
                .statusCode(200);
    }

    @Test
    void list_roleWithoutTheRight_gets403NotTheParameterError() {
        as("dashboard")
                .queryParam("limit", "")
                .get(AUDIT)
                .then()
                .statusCode(403)
                .body("type", equalTo("https://steward.example/problems/forbidden"));
        given().queryParam("limit", 1, 2).get(AUDIT).then().statusCode(401);
    }

    static final String BLANK = "must not be blank";
}
