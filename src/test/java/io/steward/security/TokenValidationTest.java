package io.steward.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.steward.support.TestKeys;
import io.steward.support.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;

/**
 * Every token the realm did not issue, or issued for another time, is refused with 401 and a
 * problem body; a realm-issued token at the edge of the configured clock skew still works. The test
 * profile sets the skew to 30 seconds.
 */
@QuarkusTest
class TokenValidationTest {

    static final String PATH = "/api/v1/organizations";

    static JwtClaims claims() {
        JwtClaims claims = Tokens.baseClaims("user-token-test");
        claims.setClaim("realm_access", Map.of("roles", List.of("provider-staff")));
        claims.setClaim("org", "P1");
        return claims;
    }

    static ValidatableResponse getWith(String token) {
        return given().auth().oauth2(token).when().get(PATH).then();
    }

    static void assertUnauthorized(ValidatableResponse response) {
        response.statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .header("X-Correlation-Id", notNullValue())
                .body("status", equalTo(401))
                .body("type", equalTo("https://steward.example/problems/unauthorized"))
                .body("correlationId", notNullValue())
                .body(not(containsString("Exception")));
    }

    static long now() {
        return NumericDate.now().getValue();
    }

    @Test
    void get_validRealmToken_returns200() {
        getWith(Tokens.sign(claims())).statusCode(200);
    }

    @Test
    void get_noToken_returns401Problem() {
        assertUnauthorized(given().when().get(PATH).then());
    }

    @Test
    void get_expiredBeyondSkew_returns401() {
        JwtClaims claims = claims();
        claims.setIssuedAt(NumericDate.fromSeconds(now() - 600));
        claims.setNotBefore(NumericDate.fromSeconds(now() - 600));
        claims.setExpirationTime(NumericDate.fromSeconds(now() - 120));
        assertUnauthorized(getWith(Tokens.sign(claims)));
    }

    @Test
    void get_expiredWithinSkew_returns200() {
        JwtClaims claims = claims();
        claims.setIssuedAt(NumericDate.fromSeconds(now() - 300));
        claims.setNotBefore(NumericDate.fromSeconds(now() - 300));
        claims.setExpirationTime(NumericDate.fromSeconds(now() - 5));
        getWith(Tokens.sign(claims)).statusCode(200);
    }

    @Test
    void get_notYetValidBeyondSkew_returns401() {
        JwtClaims claims = claims();
        claims.setNotBefore(NumericDate.fromSeconds(now() + 600));
        claims.setExpirationTime(NumericDate.fromSeconds(now() + 900));
        assertUnauthorized(getWith(Tokens.sign(claims)));
    }

    @Test
    void get_wrongIssuer_returns401() {
        JwtClaims claims = claims();
        claims.setIssuer("https://keycloak.test/realms/other");
        assertUnauthorized(getWith(Tokens.sign(claims)));
    }

    @Test
    void get_tokenIssuedForAnotherClient_returns401() {
        // A token of the same realm meant for another application (no steward-api audience).
        JwtClaims claims = claims();
        claims.setAudience("account");
        assertUnauthorized(getWith(Tokens.sign(claims)));
        claims.unsetClaim("aud");
        assertUnauthorized(getWith(Tokens.sign(claims)));
    }

    @Test
    void get_foreignKeyWithRealmKeyId_returns401() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey foreign = generator.generateKeyPair().getPrivate();
        assertUnauthorized(getWith(Tokens.sign(claims(), foreign, TestKeys.KEY_ID)));
    }

    @Test
    void get_algNone_returns401() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + TestKeys.KEY_ID + "\"}";
        String token =
                b64.encodeToString(header.getBytes(StandardCharsets.UTF_8))
                        + "."
                        + b64.encodeToString(claims().toJson().getBytes(StandardCharsets.UTF_8))
                        + ".";
        assertUnauthorized(getWith(token));
    }

    @Test
    void get_hs256WithPublicKeyDerAsSecret_returns401() throws Exception {
        byte[] secret = Tokens.realmKey().getPublicKey().getEncoded();
        assertUnauthorized(getWith(hmacSigned(secret)));
    }

    @Test
    void get_hs256WithPublicKeyPemAsSecret_returns401() throws Exception {
        String pem =
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(Tokens.realmKey().getPublicKey().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n";
        assertUnauthorized(getWith(hmacSigned(pem.getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void get_garbageToken_returns401() {
        assertUnauthorized(getWith("not-a-token"));
        assertUnauthorized(getWith("eyJhbGciOiJSUzI1NiJ9.e30.AAAA"));
    }

    @Test
    void get_tokenWithTamperedPayload_returns401() {
        String[] parts = Tokens.sign(claims()).split("\\.");
        JwtClaims other = claims();
        other.setClaim("realm_access", Map.of("roles", List.of("city-admin")));
        String payload =
                Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(other.toJson().getBytes(StandardCharsets.UTF_8));
        assertUnauthorized(getWith(parts[0] + "." + payload + "." + parts[2]));
    }

    private static String hmacSigned(byte[] secret) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims().toJson());
        jws.setKey(new HmacKey(secret));
        jws.setKeyIdHeaderValue(TestKeys.KEY_ID);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setHeader("typ", "JWT");
        return jws.getCompactSerialization();
    }
}
