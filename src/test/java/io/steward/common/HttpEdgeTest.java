package io.steward.common;

import static io.restassured.RestAssured.given;
import static io.steward.common.ProblemTest.ORGS;
import static io.steward.common.ProblemTest.admin;
import static io.steward.common.ProblemTest.assertProblem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.steward.support.RawHttp;
import org.junit.jupiter.api.Test;

/**
 * Requests refused at the HTTP layer, before any resource runs, answer problem+json like the rest
 * of the API, without echoing what was sent; past the codec's ceilings the codec answers alone.
 */
@QuarkusTest
class HttpEdgeTest {

    static final String NAME = "Zanele-Mthembu-";
    static final String TYPES = "https://steward.example/problems/";

    @Test
    void get_uriOverLimit_returns414Problem() {
        assertProblem(
                        given().auth()
                                .oauth2(admin())
                                .queryParam("note", NAME.repeat(300))
                                .get(ORGS)
                                .then(),
                        414)
                .body("type", equalTo(TYPES + "uri-too-long"))
                .body(not(containsString("Zanele")));
    }

    @Test
    void get_uriJustUnderLimit_isServed() {
        given().auth()
                .oauth2(admin())
                .queryParam("note", "x".repeat(4000))
                .get(ORGS)
                .then()
                .statusCode(200);
    }

    @Test
    void get_headersOverLimit_returns431Problem() {
        assertProblem(
                        given().auth()
                                .oauth2(admin())
                                .header("X-Note", NAME.repeat(1500))
                                .get(ORGS)
                                .then(),
                        431)
                .body("type", equalTo(TYPES + "headers-too-large"))
                .body(not(containsString("Zanele")));
    }

    @Test
    void get_withoutHostHeader_returns400Problem() throws Exception {
        RawHttp.Answer answer =
                RawHttp.send("GET " + ORGS + " HTTP/1.1\r\nConnection: close\r\n\r\n");

        JsonNode problem = problem(answer, 400);
        assertEquals(TYPES + "malformed-request", problem.path("type").asText());
        assertFalse(answer.body().contains("Exception"), answer.body());
        assertFalse(answer.body().contains("stack"), answer.body());
    }

    @Test
    void options_asteriskTarget_returns404Problem() throws Exception {
        RawHttp.Answer answer =
                RawHttp.send("OPTIONS * HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertEquals(TYPES + "not-found", problem(answer, 404).path("type").asText());
    }

    @Test
    void get_uriPastTheCodecCeiling_isRefusedByTheCodecWithoutEcho() throws Exception {
        RawHttp.Answer answer =
                RawHttp.send(
                        "GET "
                                + ORGS
                                + "?note="
                                + NAME.repeat(1200)
                                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertEquals(414, answer.status());
        assertFalse(answer.body().contains("Zanele"));
    }

    @Test
    void get_headersPastTheCodecCeiling_areRefusedByTheCodecWithoutEcho() throws Exception {
        RawHttp.Answer answer =
                RawHttp.send(
                        "GET "
                                + ORGS
                                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nX-Note: "
                                + NAME.repeat(5000)
                                + "\r\n\r\n");

        assertEquals(431, answer.status());
        assertFalse(answer.body().contains("Zanele"));
    }

    @Test
    void get_headerLineWithoutColon_isRefusedByTheCodecWithoutEcho() throws Exception {
        RawHttp.Answer answer =
                RawHttp.send(
                        "GET "
                                + ORGS
                                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                                + "Zanele Mthembu\r\n\r\n");

        assertEquals(400, answer.status());
        assertFalse(answer.body().contains("Zanele"));
    }

    private static JsonNode problem(RawHttp.Answer answer, int status) throws Exception {
        assertEquals(status, answer.status(), answer.body());
        assertEquals(Problem.MEDIA_TYPE, answer.headers().get("content-type"));
        String id = answer.headers().get("x-correlation-id");
        assertTrue(id != null && !id.isBlank(), "correlation id header");
        JsonNode problem = new ObjectMapper().readTree(answer.body());
        assertEquals(status, problem.path("status").asInt());
        assertEquals(id, problem.path("correlationId").asText());
        assertFalse(problem.path("detail").asText().isBlank(), "detail");
        return problem;
    }

    @Test
    void post_declaredBodyOverLimit_answers413AndClosesWithoutReadingIt() throws Exception {
        // Only the head and three bytes of a declared 600 MB upload are sent: RawHttp reads until
        // the server closes, so it returns only if the server does not wait for the rest.
        RawHttp.Answer answer =
                RawHttp.send(
                        "POST /api/v1/imports/enrollments HTTP/1.1\r\nHost: localhost\r\n"
                                + "Authorization: Bearer "
                                + admin()
                                + "\r\nContent-Type: text/csv\r\n"
                                + "Content-Length: 600000000\r\n\r\nabc");

        assertEquals(413, answer.status());
        assertEquals("application/problem+json", answer.headers().get("content-type"));
        assertTrue(answer.body().contains(TYPES + "payload-too-large"), answer.body());
    }

    @Test
    void get_twoAuthorizationHeaders_returns400AndServesNothing() throws Exception {
        RawHttp.Answer answer =
                RawHttp.send(
                        "GET "
                                + ORGS
                                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                                + "Authorization: Bearer "
                                + admin()
                                + "\r\n"
                                + "Authorization: Bearer not-a-token\r\n\r\n");

        assertEquals(400, answer.status());
        assertEquals("application/problem+json", answer.headers().get("content-type"));
        assertTrue(answer.body().contains(TYPES + "malformed-request"), answer.body());
        assertFalse(answer.body().contains("not-a-token"), answer.body());
    }
}
