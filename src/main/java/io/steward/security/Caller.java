package io.steward.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: token subject, realm roles and the organization from claim {@code org}. */
@RequestScoped
public class Caller {

    /** The actor recorded for a request without a valid token. */
    public static final String ANONYMOUS = "anonymous";

    @Inject SecurityIdentity identity;
    @Inject JsonWebToken jwt;

    public String subject() {
        return identity.isAnonymous() ? ANONYMOUS : jwt.getSubject();
    }

    /** The organization code of the caller, if the token carries one. */
    public Optional<String> org() {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        Object org = jwt.getClaim("org");
        String code = org == null ? null : org.toString().replace("\"", "").trim();
        return code == null || code.isEmpty() ? Optional.empty() : Optional.of(code);
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    public boolean hasAny(String... roles) {
        for (String role : roles) {
            if (identity.hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    /** The caller's realm roles, sorted, as recorded in audit events. */
    public Set<String> roles() {
        return new TreeSet<>(identity.getRoles());
    }

    public String rolesText() {
        return String.join(",", roles());
    }

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }
}
