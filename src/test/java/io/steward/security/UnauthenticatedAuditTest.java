package io.steward.security;

import static io.restassured.RestAssured.given;
import static io.steward.security.TokenValidationTest.assertUnauthorized;
import static io.steward.security.TokenValidationTest.claims;
import static io.steward.security.TokenValidationTest.now;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.steward.support.AuditRows;
import io.steward.support.TestKeys;
import io.steward.support.Tokens;
import jakarta.inject.Inject;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

/**
 * A request under {@code /api/} refused for want of a valid token (401) appends one audit event:
 * actor {@code anonymous}, no organization or roles, action {@code denied.authenticate}, the method
 * and path template as resource, outcome {@code DENIED}. Nothing the caller sent is stored: not the
 * token, not its claims, not the ids in the path or the query string. The 401 answer stays as it
 * was.
 */
@QuarkusTest
class UnauthenticatedAuditTest {

    static final String ACTION = "denied.authenticate";

    @Inject DataSource ds;

    /** Sends one request and returns the audit events it appended. */
    private List<AuditRows.Row> audited(Supplier<ValidatableResponse> request) {
        long head = AuditRows.head(ds);
        assertUnauthorized(request.get());
        return AuditRows.since(ds, head);
    }

    private static RequestSpecification with(String token) {
        return given().auth().oauth2(token);
    }

    private static void assertAnonymousDenial(List<AuditRows.Row> events, String resource) {
        assertEquals(1, events.size(), "one event per refused request");
        AuditRows.Row event = events.get(0);
        assertEquals("anonymous", event.actor());
        assertNull(event.org());
        assertEquals("", event.role());
        assertEquals(ACTION, event.action());
        assertEquals(resource, event.resource());
        assertTrue(event.participantIds().isEmpty());
        assertEquals("DENIED", event.outcome());
    }

    @Test
    void get_noToken_appendsOneAnonymousDenial() {
        List<AuditRows.Row> events =
                audited(() -> given().when().get("/api/v1/organizations").then());
        assertAnonymousDenial(events, "GET /api/v1/organizations");
    }

    @Test
    void post_noToken_appendsOneDenialNamingTheTemplate() {
        UUID program = UUID.randomUUID();
        List<AuditRows.Row> events =
                audited(
                        () ->
                                given().contentType(ContentType.JSON)
                                        .body("[]")
                                        .when()
                                        .put("/api/v1/programs/" + program + "/attendance")
                                        .then());
        assertAnonymousDenial(events, "PUT /api/v1/programs/{programId}/attendance");
        assertFalse(events.get(0).resource().contains(program.toString()));
    }

    @Test
    void get_expiredToken_recordsAnonymousNotTheTokensSubject() {
        JwtClaims claims = claims();
        claims.setIssuedAt(NumericDate.fromSeconds(now() - 600));
        claims.setNotBefore(NumericDate.fromSeconds(now() - 600));
        claims.setExpirationTime(NumericDate.fromSeconds(now() - 120));
        String token = Tokens.sign(claims);
        UUID youth = UUID.randomUUID();
        List<AuditRows.Row> events =
                audited(() -> with(token).when().get("/api/v1/participants/" + youth).then());
        assertAnonymousDenial(events, "GET /api/v1/participants/{id}");
        assertStoresNothingSent(events.get(0), token, youth.toString(), "user-token-test", "P1");
    }

    @Test
    void get_wrongIssuer_appendsOneDenial() {
        JwtClaims claims = claims();
        claims.setIssuer("https://keycloak.test/realms/other");
        String token = Tokens.sign(claims);
        List<AuditRows.Row> events =
                audited(() -> with(token).when().get("/api/v1/organizations").then());
        assertAnonymousDenial(events, "GET /api/v1/organizations");
    }

    @Test
    void get_badSignature_appendsOneDenial() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String token =
                Tokens.sign(claims(), generator.generateKeyPair().getPrivate(), TestKeys.KEY_ID);
        List<AuditRows.Row> events =
                audited(() -> with(token).when().get("/api/v1/programs").then());
        assertAnonymousDenial(events, "GET /api/v1/programs");
        assertStoresNothingSent(events.get(0), token, "user-token-test");
    }

    @Test
    void get_garbageToken_appendsOneDenial() {
        List<AuditRows.Row> events =
                audited(() -> with("not-a-token").when().get("/api/v1/organizations").then());
        assertAnonymousDenial(events, "GET /api/v1/organizations");
    }

    @Test
    void lookup_noToken_keepsTheQueryStringOut() {
        List<AuditRows.Row> events =
                audited(
                        () ->
                                given().queryParam("districtCode", "D-QUERY")
                                        .queryParam("districtStudentId", "S-SECRET-77")
                                        .when()
                                        .get("/api/v1/participants")
                                        .then());
        assertAnonymousDenial(events, "GET /api/v1/participants");
        assertStoresNothingSent(events.get(0), "S-SECRET-77", "D-QUERY");
    }

    @Test
    void get_badTokenOnUnknownApiPath_recordsNoPathText() {
        List<AuditRows.Row> events =
                audited(
                        () ->
                                with("not-a-token")
                                        .when()
                                        .get("/api/v1/no-such-thing/jane-doe-2015")
                                        .then());
        assertAnonymousDenial(events, "GET /api/{unknown}");
    }

    @Test
    void get_badTokenOutsideApi_appendsNothing() {
        long head = AuditRows.head(ds);
        with("not-a-token").when().get("/q/health").then().statusCode(401);
        assertTrue(AuditRows.since(ds, head).isEmpty());
    }

    @Test
    void get_validToken_appendsNoAuthenticationDenial() {
        long head = AuditRows.head(ds);
        with(Tokens.sign(claims())).when().get("/api/v1/organizations").then().statusCode(200);
        assertTrue(AuditRows.since(ds, head, ACTION).isEmpty());
    }

    @Test
    void get_roleOnlyInGroupsClaim_isAKnownCallerDeniedByRole() {
        JwtClaims claims = Tokens.baseClaims("user-groups-" + UUID.randomUUID());
        claims.setClaim("groups", List.of("city-admin"));
        claims.setClaim("org", "CITY");
        long head = AuditRows.head(ds);
        with(Tokens.sign(claims))
                .contentType(ContentType.JSON)
                .body(Map.of("code", "UA-X", "name", "x", "type", "PROVIDER"))
                .when()
                .post("/api/v1/organizations")
                .then()
                .statusCode(403);
        List<AuditRows.Row> events = AuditRows.since(ds, head);
        assertEquals(1, events.size());
        assertEquals("denied.role", events.get(0).action());
        assertEquals(claims.getClaimValue("sub"), events.get(0).actor());
    }

    private static void assertStoresNothingSent(AuditRows.Row event, String... sent) {
        String stored =
                String.join(
                        "|",
                        event.actor(),
                        String.valueOf(event.org()),
                        event.role(),
                        event.action(),
                        event.resource(),
                        event.participantIds().toString());
        for (String value : sent) {
            assertFalse(stored.contains(value), "the event must not hold what the caller sent");
        }
    }
}
