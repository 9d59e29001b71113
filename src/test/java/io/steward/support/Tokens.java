package io.steward.support;

import java.nio.file.Files;
import java.security.PrivateKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/** Signs test tokens shaped like the city's Keycloak realm issues them. */
public final class Tokens {

    public static final String ISSUER = "https://keycloak.test/realms/steward";

    private Tokens() {}

    /** A token for a user with one realm role in an organization (org may be null). */
    public static String of(String role, String org) {
        return of("user-" + UUID.randomUUID(), List.of(role), org);
    }

    public static String of(String subject, List<String> roles, String org) {
        JwtClaims claims = baseClaims(subject);
        claims.setClaim("realm_access", Map.of("roles", roles));
        if (org != null) {
            claims.setClaim("org", org);
        }
        return sign(claims);
    }

    /** Claims as Keycloak sets them, valid for five minutes from now. */
    public static JwtClaims baseClaims(String subject) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(subject);
        claims.setAudience("steward-api", "account");
        claims.setIssuedAtToNow();
        claims.setNotBeforeMinutesInThePast(0);
        claims.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() + 300));
        claims.setGeneratedJwtId();
        claims.setClaim("typ", "Bearer");
        claims.setClaim("azp", "steward-cli");
        claims.setClaim("preferred_username", subject);
        return claims;
    }

    /** Signs claims with the realm key (RS256, with the realm's key id). */
    public static String sign(JwtClaims claims) {
        return sign(claims, realmKey().getPrivateKey(), TestKeys.KEY_ID);
    }

    public static String sign(JwtClaims claims, PrivateKey key, String keyId) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(key);
            jws.setKeyIdHeaderValue(keyId);
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            jws.setHeader("typ", "JWT");
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static RsaJsonWebKey realmKey() {
        TestKeys.ensure();
        try {
            return (RsaJsonWebKey)
                    JsonWebKey.Factory.newJwk(Files.readString(TestKeys.PRIVATE_JWK));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
