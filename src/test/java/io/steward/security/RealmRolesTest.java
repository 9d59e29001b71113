package io.steward.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.steward.support.Tokens;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/** Rights come from {@code realm_access.roles} only; the same name elsewhere grants nothing. */
@QuarkusTest
class RealmRolesTest {

    static int createWith(JwtClaims claims) {
        String code = "RR-" + UUID.randomUUID().toString().substring(0, 8);
        return given().auth()
                .oauth2(Tokens.sign(claims))
                .contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Roles test", "type", "PROVIDER"))
                .when()
                .post("/api/v1/organizations")
                .then()
                .extract()
                .statusCode();
    }

    static JwtClaims base() {
        JwtClaims claims = Tokens.baseClaims("user-" + UUID.randomUUID());
        claims.setClaim("org", "CITY");
        return claims;
    }

    @Test
    void create_roleInRealmAccess_returns201() {
        JwtClaims claims = base();
        claims.setClaim("realm_access", Map.of("roles", List.of("city-admin")));
        org.junit.jupiter.api.Assertions.assertEquals(201, createWith(claims));
    }

    @Test
    void create_roleOnlyInGroupsClaim_returns403() {
        JwtClaims claims = base();
        claims.setClaim("groups", List.of("city-admin"));
        org.junit.jupiter.api.Assertions.assertEquals(403, createWith(claims));
    }

    @Test
    void create_roleOnlyInGroupsWithEmptyRealmRoles_returns403() {
        JwtClaims claims = base();
        claims.setClaim("groups", List.of("city-admin"));
        claims.setClaim("realm_access", Map.of("roles", List.of("dashboard")));
        org.junit.jupiter.api.Assertions.assertEquals(403, createWith(claims));
    }

    @Test
    void create_roleOnlyInAnotherClientsResourceAccess_returns403() {
        JwtClaims claims = base();
        claims.setClaim(
                "resource_access",
                Map.of(
                        "steward-api", Map.of("roles", List.of("city-admin")),
                        "account", Map.of("roles", List.of("city-admin"))));
        claims.setClaim("realm_access", Map.of("roles", List.of("offline_access")));
        org.junit.jupiter.api.Assertions.assertEquals(403, createWith(claims));
    }

    @Test
    void create_roleAsPlainStringInRealmAccess_returns403() {
        JwtClaims claims = base();
        claims.setClaim("realm_access", Map.of("roles", "city-admin"));
        org.junit.jupiter.api.Assertions.assertEquals(403, createWith(claims));
    }

    @Inject EntityManager em;

    @Test
    void create_roleOnlyInGroups_recordsTheDenialInTheAuditChain() {
        JwtClaims claims = base();
        claims.setClaim("groups", List.of("city-admin"));
        String subject = (String) claims.getClaimValue("sub");
        org.junit.jupiter.api.Assertions.assertEquals(403, createWith(claims));
        Number denials =
                (Number)
                        em.createNativeQuery(
                                        "select count(*) from audit_event where actor = ?1"
                                                + " and outcome = 'DENIED' and role = ''")
                                .setParameter(1, subject)
                                .getSingleResult();
        org.junit.jupiter.api.Assertions.assertEquals(1, denials.intValue());
    }

    @Test
    void create_forbidden_answersProblemJson() {
        JwtClaims claims = base();
        claims.setClaim("groups", List.of("city-admin"));
        given().auth()
                .oauth2(Tokens.sign(claims))
                .contentType(ContentType.JSON)
                .body(Map.of("code", "RR-X", "name", "x", "type", "PROVIDER"))
                .when()
                .post("/api/v1/organizations")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://steward.example/problems/forbidden"));
    }
}
