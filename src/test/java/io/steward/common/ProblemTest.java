package io.steward.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.steward.support.Tokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every error the service can produce, framework ones included, is problem+json with a correlation
 * id, and none of them shows a stack trace, class name, SQL text or the value that was sent.
 */
@QuarkusTest
class ProblemTest {

    static final String ORGS = "/api/v1/organizations";
    static final String UUID_SHAPE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    static String admin() {
        return Tokens.of("city-admin", "CITY");
    }

    static String code() {
        return "PB-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The shape every problem has, and what no problem may contain. */
    static ValidatableResponse assertProblem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .header("X-Correlation-Id", notNullValue())
                .body("type", matchesPattern("https://steward\\.example/problems/[a-z-]+"))
                .body("title", notNullValue())
                .body("status", equalTo(status))
                .body("detail", notNullValue())
                .body("correlationId", notNullValue())
                .body(not(containsString("Exception")))
                .body(not(containsString("io.steward")))
                .body(not(containsString("com.fasterxml")))
                .body(not(containsString("\tat ")))
                .body(not(containsString("select ")));
    }

    static ValidatableResponse postOrg(String body) {
        return given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(ORGS)
                .then();
    }

    @Test
    void post_malformedJson_returns400WithoutEchoingIt() {
        assertProblem(postOrg("{\"code\": \"Zanele-Mthembu\", \"name\": "), 400)
                .body("type", equalTo("https://steward.example/problems/malformed-body"))
                .body(not(containsString("Zanele")));
    }

    @Test
    void post_unknownProperty_returns400NamingTheField() {
        String body =
                "{\"code\":\""
                        + code()
                        + "\",\"name\":\"A\",\"type\":\"PROVIDER\","
                        + "\"dateOfBirth\":\"2011-03-14\"}";
        assertProblem(postOrg(body), 400)
                .body("errors.field", hasItem("dateOfBirth"))
                .body(not(containsString("2011-03-14")));
    }

    @Test
    void post_wrongEnumValue_returns400ListingChoicesNotTheValue() {
        String body = "{\"code\":\"" + code() + "\",\"name\":\"A\",\"type\":\"Zanele-Mthembu\"}";
        assertProblem(postOrg(body), 400)
                .body("errors[0].field", equalTo("type"))
                .body("errors[0].message", containsString("PROVIDER"))
                .body(not(containsString("Zanele")));
    }

    @Test
    void post_constraintViolations_returns400WithFieldErrors() {
        String body = "{\"code\":\"bad code!\",\"name\":\"\",\"type\":null}";
        assertProblem(postOrg(body), 400)
                .body("type", equalTo("https://steward.example/problems/validation"))
                .body("errors.field", hasItem("code"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("type"))
                .body(not(containsString("bad code!")));
    }

    @Test
    void post_wrongTypeForField_returns400NamingIt() {
        String body = "{\"code\":\"" + code() + "\",\"name\":[\"Zanele\"],\"type\":\"PROVIDER\"}";
        assertProblem(postOrg(body), 400)
                .body("errors[0].field", equalTo("name"))
                .body(not(containsString("Zanele")));
    }

    @Test
    void post_impossibleDate_returns400NamingTheField() {
        assertProblem(
                        given().contentType(ContentType.JSON)
                                .body("{\"on\":\"2021-09-31\"}")
                                .when()
                                .post("/probe/dates")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("on"))
                .body("errors[0].message", containsString("YYYY-MM-DD"))
                .body(not(containsString("2021-09-31")));
    }

    @Test
    void post_dateInOtherFormat_returns400() {
        assertProblem(
                        given().contentType(ContentType.JSON)
                                .body("{\"on\":\"02/30/2015\"}")
                                .post("/probe/dates")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("on"));
    }

    @Test
    void post_realDate_isAcceptedUnchanged() {
        given().contentType(ContentType.JSON)
                .body("{\"on\":\"2024-02-29\"}")
                .post("/probe/dates")
                .then()
                .statusCode(200)
                .body("on", equalTo("2024-02-29"));
    }

    @Test
    void get_impossibleDateParameter_returns400NamingIt() {
        assertProblem(given().queryParam("on", "2021-02-29").get("/probe/dates").then(), 400)
                .body("errors[0].field", equalTo("on"));
    }

    @Test
    void get_unknownApiRoute_returns404Problem() {
        assertProblem(given().auth().oauth2(admin()).get("/api/v1/no-such-thing").then(), 404)
                .body("type", equalTo("https://steward.example/problems/not-found"));
    }

    @Test
    void get_unknownRouteOutsideApi_returns404Problem() {
        assertProblem(given().get("/no-such-page").then(), 404);
    }

    @Test
    void delete_unsupportedMethod_returns405WithAllow() {
        assertProblem(given().auth().oauth2(admin()).delete(ORGS).then(), 405)
                .header("Allow", equalTo("GET, HEAD, OPTIONS, POST"));
        assertProblem(given().auth().oauth2(admin()).put(ORGS + "/ANY-CODE").then(), 405)
                .header("Allow", equalTo("GET, HEAD, OPTIONS"));
    }

    @Test
    void post_bodyOverLimit_returns413() {
        String big = "{\"code\":\"" + code() + "\",\"name\":\"" + "x".repeat(1_100_000) + "\"}";
        assertProblem(postOrg(big), 413)
                .body("type", equalTo("https://steward.example/problems/payload-too-large"));
    }

    @Test
    void post_chunkedBodyOverTheServerLimit_returns413() {
        byte[] big = ("{\"name\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}").getBytes();
        assertProblem(
                given().auth()
                        .oauth2(admin())
                        .contentType(ContentType.JSON)
                        .body(new java.io.ByteArrayInputStream(big))
                        .when()
                        .post(ORGS)
                        .then(),
                413);
    }

    @Test
    void post_wrongMediaType_returns415() {
        assertProblem(
                        given().auth()
                                .oauth2(admin())
                                .contentType(ContentType.TEXT)
                                .body("code=X")
                                .post(ORGS)
                                .then(),
                        415)
                .body("type", equalTo("https://steward.example/problems/unsupported-media-type"));
    }

    @Test
    void get_unexpectedFailure_returns500ProblemWithoutDetail() {
        assertProblem(given().auth().oauth2(admin()).get("/probe/boom").then(), 500)
                .body("type", equalTo("https://steward.example/problems/internal"))
                .body(not(containsString("Okonkwo")))
                .body(not(containsString("participant")))
                .body(not(containsString("IllegalState")));
    }

    @Test
    void request_withSaneCorrelationId_keepsIt() {
        String id = "client-run-42." + UUID.randomUUID().toString().substring(0, 8);
        var problem =
                assertProblem(
                                given().header("X-Correlation-Id", id)
                                        .get("/api/v1/no-such-thing")
                                        .then(),
                                404)
                        .header("X-Correlation-Id", equalTo(id))
                        .body("correlationId", equalTo(id))
                        .extract();
        org.junit.jupiter.api.Assertions.assertEquals(
                1, problem.headers().getValues("X-Correlation-Id").size(), "sent once");
        given().auth()
                .oauth2(admin())
                .header("X-Correlation-Id", id)
                .get(ORGS)
                .then()
                .statusCode(200)
                .header("X-Correlation-Id", equalTo(id));
    }

    @Test
    void request_withMaliciousCorrelationId_replacesIt() {
        for (String bad :
                new String[] {"<script>alert(1)</script>", "a b", "x".repeat(65), "id;drop"}) {
            assertProblem(
                            given().auth()
                                    .oauth2(admin())
                                    .header("X-Correlation-Id", bad)
                                    .get("/api/v1/no-such-thing")
                                    .then(),
                            404)
                    .header("X-Correlation-Id", matchesPattern(UUID_SHAPE))
                    .body("correlationId", matchesPattern(UUID_SHAPE))
                    .body(not(containsString("script")));
        }
    }

    @Test
    void request_withoutCorrelationId_getsOneInHeaderAndBody() {
        var response = given().auth().oauth2(admin()).get("/api/v1/no-such-thing").then().extract();
        String header = response.header("X-Correlation-Id");
        org.junit.jupiter.api.Assertions.assertEquals(header, response.path("correlationId"));
    }
}
