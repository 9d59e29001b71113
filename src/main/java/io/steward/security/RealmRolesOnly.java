package io.steward.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Rebuilds every caller's roles from the token's {@code realm_access.roles} and nothing else.
 *
 * <p>SmallRye JWT falls back to a top-level {@code groups} claim when the configured path is
 * absent, and other clients' {@code resource_access} roles may carry the same names. The contract
 * grants rights by realm role only, so this augmentor discards whatever roles the identity came
 * with and reads the one claim that counts.
 */
@ApplicationScoped
public class RealmRolesOnly implements SecurityIdentityAugmentor {

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(
            SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        QuarkusSecurityIdentity.Builder builder =
                QuarkusSecurityIdentity.builder()
                        .setPrincipal(jwt)
                        .addCredentials(identity.getCredentials())
                        .addAttributes(identity.getAttributes())
                        .addRoles(realmRoles(jwt));
        return Uni.createFrom().item(builder.build());
    }

    static Set<String> realmRoles(JsonWebToken jwt) {
        Set<String> roles = new LinkedHashSet<>();
        Object realmAccess = jwt.getClaim("realm_access");
        if (realmAccess instanceof JsonObject object) {
            JsonValue value = object.get("roles");
            if (value instanceof JsonArray array) {
                for (JsonValue role : array) {
                    if (role instanceof JsonString text) {
                        roles.add(text.getString());
                    }
                }
            }
        }
        return roles;
    }
}
