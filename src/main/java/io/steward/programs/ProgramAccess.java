package io.steward.programs;

import io.steward.audit.AuditLog;
import io.steward.audit.Outcome;
import io.steward.common.ApiException;
import io.steward.security.Caller;
import io.steward.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may see and manage programs, and with them the enrollments and attendance under them.
 * Provider roles read and manage their own organization's programs; {@code city-admin} reads all
 * and creates programs for any provider. A program the caller may not see answers 404, the same as
 * an absent one, and the attempt is audited.
 */
@ApplicationScoped
public class ProgramAccess {

    @Inject Caller caller;
    @Inject EntityManager em;
    @Inject AuditLog audit;

    /** The caller's organization code when it holds a provider role. */
    public Optional<String> providerOrg() {
        if (caller.hasAny(Role.PROVIDER_STAFF, Role.CASE_MANAGER)) {
            return caller.org();
        }
        return Optional.empty();
    }

    public boolean cityWide() {
        return caller.has(Role.CITY_ADMIN);
    }

    /**
     * A condition, valid in JPQL and SQL alike, on the alias {@code o} of the program's provider
     * organization: true only for programs the caller may read. Bind it with {@link #bind}.
     */
    public String scope() {
        if (cityWide()) {
            return "1 = 1";
        }
        return providerOrg().isPresent() ? "lower(o.code) = lower(:scopeOrg)" : "1 = 0";
    }

    /** Binds the parameter of {@link #scope()}, if it has one. */
    public <Q extends Query> Q bind(Q query) {
        if (!cityWide() && providerOrg().isPresent()) {
            query.setParameter("scopeOrg", providerOrg().get());
        }
        return query;
    }

    /** The code of the provider a new program is for: the caller's own unless city-wide. */
    public String providerCodeFor(String requested) {
        String own = providerOrg().orElse(null);
        String code = requested == null || requested.isBlank() ? own : requested.trim();
        if (!cityWide() && (own == null || !own.equalsIgnoreCase(code))) {
            throw ApiException.forbidden();
        }
        if (code == null) {
            throw ApiException.invalid("providerCode", "is required");
        }
        return code;
    }

    /** The program if the caller may read it; otherwise audits the attempt and answers 404. */
    public Program readable(UUID id, String action, String resource) {
        Program program = find(id);
        if (program != null && (cityWide() || ownedByCaller(program))) {
            return program;
        }
        throw hidden(program, action, resource);
    }

    /**
     * The program if the caller is staff of its provider, who alone may change what is under it.
     */
    public Program manageable(UUID id, String action, String resource) {
        Program program = find(id);
        if (program != null && ownedByCaller(program)) {
            return program;
        }
        if (program != null && cityWide()) {
            throw ApiException.forbidden();
        }
        throw hidden(program, action, resource);
    }

    private boolean ownedByCaller(Program program) {
        return providerOrg().map(org -> org.equalsIgnoreCase(program.provider.code)).orElse(false);
    }

    private Program find(UUID id) {
        List<Program> found =
                em.createQuery(
                                "from Program pr join fetch pr.provider where pr.id = :id",
                                Program.class)
                        .setParameter("id", id)
                        .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private ApiException hidden(Program program, String action, String resource) {
        Outcome outcome = program == null ? Outcome.NOT_FOUND : Outcome.DENIED;
        audit.recordAlone(action, resource, List.of(), outcome);
        return ApiException.notFound();
    }
}
