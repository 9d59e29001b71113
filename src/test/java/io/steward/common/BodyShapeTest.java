package io.steward.common;

import static io.restassured.RestAssured.given;
import static io.steward.common.ProblemTest.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.steward.support.Sharing;
import io.steward.support.Youth;
import io.steward.support.YouthFixtures;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two different faults of a JSON body, told apart: text that is not JSON at all (a syntax error
 * anywhere, even inside one property's value) is {@code malformed-body}; well-formed JSON of the
 * wrong shape (an object where a list belongs, a list where an object belongs) is a validation
 * error naming the part at fault ({@code body} for the whole). Neither changes anything. The first
 * fault met while reading decides: {@code [{"code":"A"}} is already of the wrong shape at its first
 * character, where an object was due.
 */
@QuarkusTest
class BodyShapeTest {

    static final String VALIDATION = "https://steward.example/problems/validation";
    static final String MALFORMED = "https://steward.example/problems/malformed-body";
    static final String WRONG_SHAPE = "has the wrong type or shape";

    static ValidatableResponse send(String method, String path, String token, String body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .request(method, path)
                .then();
    }

    static void wrongShape(ValidatableResponse response, String field) {
        assertProblem(response, 400)
                .body("type", equalTo(VALIDATION))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", equalTo(WRONG_SHAPE));
    }

    static void malformed(ValidatableResponse response) {
        assertProblem(response, 400)
                .body("type", equalTo(MALFORMED))
                .body("detail", equalTo("The body is not well-formed JSON."))
                .body("errors", nullValue());
    }

    String programWithEntries(String org) {
        String program = YouthFixtures.program(org);
        String kid = YouthFixtures.create(YouthFixtures.staff(org), YouthFixtures.body());
        YouthFixtures.enroll(org, program, kid);
        return program;
    }

    long attendanceRows(String org, String program) {
        return given().auth()
                .oauth2(YouthFixtures.staff(org))
                .get("/api/v1/programs/" + program + "/attendance")
                .then()
                .statusCode(200)
                .extract()
                .<java.util.List<?>>path("items")
                .size();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"participantId\":\"x\"}", "\"entries\"", "42", "true"})
    void putAttendance_wellFormedJsonThatIsNotAList_returns400WrongShape(String body) {
        String org = YouthFixtures.provider();
        String program = programWithEntries(org);

        wrongShape(
                send(
                        "PUT",
                        "/api/v1/programs/" + program + "/attendance",
                        YouthFixtures.staff(org),
                        body),
                "body");

        assertEquals(0, attendanceRows(org, program));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"code\":\"X\"}]", "\"PROVIDER\"", "7", "false"})
    void postOrganization_wellFormedJsonThatIsNotAnObject_returns400WrongShape(String body) {
        wrongShape(send("POST", "/api/v1/organizations", YouthFixtures.admin(), body), "body");
    }

    @Test
    void postParticipant_listForAnObject_returns400WrongShape() {
        String org = YouthFixtures.provider();
        wrongShape(send("POST", "/api/v1/participants", YouthFixtures.staff(org), "[{}]"), "body");
    }

    @Test
    void postParticipant_objectWhereTheGuardianListBelongs_namesTheField() {
        String org = YouthFixtures.provider();
        String body =
                "{\"firstName\":\"A\",\"lastName\":\"B\",\"dateOfBirth\":\"2014-03-17\","
                        + "\"gradeLevel\":\"5\",\"guardians\":{\"name\":\"G\"}}";
        wrongShape(
                send("POST", "/api/v1/participants", YouthFixtures.staff(org), body), "guardians");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"code\": tru}",
                "{\"code\":\"A\",\"name\": }",
                "{\"code\":\"A\",\"name\":\"B\",}",
                "{\"code\":\"A\",\"name\":\"B\"",
                "{\"code\":\"A\" \"name\":\"B\"}",
                "{\"code\":'A'}",
                "{\"code\":\"A\",\"name\":\"B\",\"type\":PROVIDER}",
                "nonsense"
            })
    void postOrganization_syntaxErrorAnywhere_returnsMalformedBody(String body) {
        malformed(send("POST", "/api/v1/organizations", YouthFixtures.admin(), body));
    }

    @ParameterizedTest
    @ValueSource(strings = {" {\"x\":1}", " 5", "[]", " \"again\""})
    void postOrganization_aSecondValueAfterTheFirst_returnsMalformedBodyAndStoresNothing(
            String second) {
        String code = YouthFixtures.unique("TWO");
        String first = "{\"code\":\"" + code + "\",\"name\":\"Two values\",\"type\":\"PROVIDER\"}";
        malformed(send("POST", "/api/v1/organizations", YouthFixtures.admin(), first + second));
        given().auth()
                .oauth2(YouthFixtures.admin())
                .get("/api/v1/organizations/" + code)
                .then()
                .statusCode(404);
    }

    @Test
    void postParticipant_syntaxErrorInsideANestedValue_returnsMalformedBody() {
        String org = YouthFixtures.provider();
        String body =
                "{\"firstName\":\"A\",\"lastName\":\"B\",\"dateOfBirth\":\"2014-03-17\","
                        + "\"gradeLevel\":\"5\",\"guardians\":[{\"name\": Dana}]}";
        malformed(send("POST", "/api/v1/participants", YouthFixtures.staff(org), body));
    }

    @Test
    void putAttendance_syntaxErrorInsideAnEntry_returnsMalformedBody() {
        String org = YouthFixtures.provider();
        String program = programWithEntries(org);
        malformed(
                send(
                        "PUT",
                        "/api/v1/programs/" + program + "/attendance",
                        YouthFixtures.staff(org),
                        "[{\"participantId\": , \"date\":\"2025-10-01\",\"minutes\":5}]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "\n"})
    void postOrganization_noBodyAtAll_returns400MissingBody(String body) {
        // The runtime reads an empty body as no entity: the required body is missing.
        assertProblem(send("POST", "/api/v1/organizations", YouthFixtures.admin(), body), 400)
                .body("type", equalTo(VALIDATION))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", equalTo("is required"));
    }

    // An optional body (termination, revocation) is read by OptionalJson, with the same answers.

    @Test
    void terminate_optionalBodyOfTheWrongShape_returns400WrongShapeAndChangesNothing() {
        UUID agreement = Sharing.draft(Youth.org("DISTRICT"), Youth.org("EVALUATOR"));
        String path = "/api/v1/agreements/" + agreement + "/termination";

        wrongShape(send("POST", path, YouthFixtures.admin(), "[\"reason\"]"), "body");
        malformed(send("POST", path, YouthFixtures.admin(), "{\"reason\": why}"));
        malformed(send("POST", path, YouthFixtures.admin(), " \n "));

        given().auth()
                .oauth2(YouthFixtures.admin())
                .get("/api/v1/agreements/" + agreement)
                .then()
                .statusCode(200)
                .body("status", equalTo("DRAFT"));
    }
}
