package io.steward.participants;

import io.steward.audit.AuditLog;
import io.steward.audit.Outcome;
import io.steward.common.ApiException;
import io.steward.security.Caller;
import io.steward.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Who may see a participant. A provider sees a youth while the youth has, or had, an enrollment in
 * one of its programs; a guardian sees the youth linked to its token subject; the city sees
 * everyone. Every rule about seeing a participant is written here once.
 *
 * <p>Creating and enrolling: provider roles of an organization may post youth (a post that matches
 * an existing youth by natural key and birth date yields only its id). They may enroll, in their
 * own programs, a youth their organization serves, created or matched ({@link #canEnroll}); that
 * enrollment is how a provider comes to serve a youth, so an id alone never suffices. Linking a
 * guardian login: {@code city-admin}, or provider roles of a provider that serves the youth, never
 * the caller's own login; a login that may link guardians to a youth has no guardian's rights over
 * it ({@link #isGuardian}).
 */
@ApplicationScoped
public class ParticipantAccess {

    /** SQL condition: participant {@code p} is served by the organization code {@code :org}. */
    public static final String SERVED_BY_ORG =
            "exists (select 1 from enrollment e join program pr on pr.id = e.program_id"
                    + " join organization o on o.id = pr.provider_id"
                    + " where e.participant_id = p.id and lower(o.code) = lower(:org))";

    /**
     * SQL condition: participant {@code p} is linked to the guardian subject {@code :subject} by
     * another login. A link a login made to itself never counts (see {@link #isLinkedGuardian}).
     */
    public static final String LINKED_TO_SUBJECT =
            "exists (select 1 from guardian_link gl"
                    + " where gl.participant_id = p.id and gl.subject = :subject"
                    + " and gl.created_by <> gl.subject)";

    @Inject EntityManager em;
    @Inject Caller caller;
    @Inject AuditLog audit;

    /**
     * SQL condition with two JDBC parameters, the participant id and an organization code: the
     * provider with this code has, or had, the youth in one of its programs. For statements that
     * ask it together with something else; {@link #servedBy} asks it alone.
     */
    public static final String SERVED_BY_ID_AND_ORG =
            "exists (select 1 from enrollment e join program pr on pr.id = e.program_id"
                    + " join organization o on o.id = pr.provider_id"
                    + " where e.participant_id = ? and lower(o.code) = lower(?))";

    /** Whether the provider with this code has, or had, the youth in one of its programs. */
    public boolean servedBy(UUID participantId, String orgCode) {
        return (Boolean)
                em.createNativeQuery("select " + SERVED_BY_ID_AND_ORG)
                        .setParameter(1, participantId)
                        .setParameter(2, orgCode)
                        .getSingleResult();
    }

    /**
     * Whether this token subject is a linked guardian of the youth. A link that its own subject
     * made (possible before such links were refused) is no link: no login vouches for itself.
     */
    public boolean isLinkedGuardian(UUID participantId, String subject) {
        return (Boolean)
                em.createNativeQuery(
                                "select exists (select 1 from guardian_link"
                                        + " where participant_id = ?1 and subject = ?2"
                                        + " and created_by <> subject)")
                        .setParameter(1, participantId)
                        .setParameter(2, subject)
                        .getSingleResult();
    }

    /**
     * Whether the caller holds a guardian's rights over the youth (its academic records, electronic
     * consent, the disclosure record): it has the {@code guardian} role, its subject is linked to
     * the youth, and it may not link guardians to that youth itself ({@link #canLink}). A login
     * that holds a staff role as well is no guardian of the youth its organization serves, nor is a
     * city admin of any youth: whoever may make a link must not be able to use one, or one login
     * could vouch for itself (or be vouched for by a colleague) and read, without consent, what its
     * staff role may not. A parent who works for a serving provider uses a guardian-only login.
     */
    public boolean isGuardian(UUID participantId) {
        return caller.has(Role.GUARDIAN)
                && isLinkedGuardian(participantId, caller.subject())
                && !canLink(participantId);
    }

    /** Whether the current caller may read the youth's profile. */
    public boolean canRead(UUID participantId) {
        if (caller.has(Role.CITY_ADMIN)) {
            return exists(participantId);
        }
        if (caller.hasAny(Role.PROVIDER_STAFF, Role.CASE_MANAGER) && caller.org().isPresent()) {
            if (servedBy(participantId, caller.org().get())) {
                return true;
            }
        }
        return caller.has(Role.GUARDIAN) && isLinkedGuardian(participantId, caller.subject());
    }

    public boolean exists(UUID participantId) {
        return (Boolean)
                em.createNativeQuery("select exists (select 1 from participant where id = ?1)")
                        .setParameter(1, participantId)
                        .getSingleResult();
    }

    /**
     * Whether the caller may enroll the youth: {@code city-admin} any existing youth; provider
     * roles a youth their organization serves, or created or matched through {@code POST
     * /participants} (recorded by {@link ParticipantRepository#claim}). False for an absent youth.
     */
    public boolean canEnroll(UUID participantId) {
        if (caller.has(Role.CITY_ADMIN)) {
            return exists(participantId);
        }
        if (!caller.hasAny(Role.PROVIDER_STAFF, Role.CASE_MANAGER) || caller.org().isEmpty()) {
            return false;
        }
        return (Boolean)
                em.createNativeQuery(
                                "select "
                                        + SERVED_BY_ID_AND_ORG
                                        + " or exists (select 1 from participant_claim"
                                        + " where participant_id = ? and org_code = lower(?))")
                        .setParameter(1, participantId)
                        .setParameter(2, caller.org().get())
                        .setParameter(3, participantId)
                        .setParameter(4, caller.org().get())
                        .getSingleResult();
    }

    /**
     * Audits a refused enrollment of a youth in its own transaction and returns the 400 to throw:
     * the same answer whether the youth is absent or the caller may not enroll it.
     */
    public ApiException notEnrollable(UUID participantId, String action, String resource) {
        refused(participantId, action, resource);
        return ApiException.invalid("participantId", "must be the id of a youth you may enroll");
    }

    /** Whether the caller may post youth: a provider role acting for its organization. */
    public boolean canCreate() {
        return caller.hasAny(Role.PROVIDER_STAFF, Role.CASE_MANAGER) && caller.org().isPresent();
    }

    /** Whether the caller may link a guardian login to the youth. */
    public boolean canLink(UUID participantId) {
        if (caller.has(Role.CITY_ADMIN)) {
            return exists(participantId);
        }
        return caller.hasAny(Role.PROVIDER_STAFF, Role.CASE_MANAGER)
                && caller.org().isPresent()
                && servedBy(participantId, caller.org().get());
    }

    /**
     * Whether a guardian subject names the caller's own login (compared without regard to case): no
     * caller may link itself as a youth's guardian.
     */
    public boolean isOwnLogin(String subject) {
        return subject.equalsIgnoreCase(caller.subject());
    }

    /**
     * Audits a refused link of the caller's own login in its own transaction and returns the 400 to
     * throw.
     */
    public ApiException ownLoginRefused(UUID participantId, String action, String resource) {
        refused(participantId, action, resource);
        return ApiException.invalid("subject", "must not be your own login");
    }

    /**
     * SQL condition on participant alias {@code p}: the youth the caller may read, as {@link
     * #canRead} decides for one. Bind its parameters with {@link #bindScope}.
     */
    public String readScope() {
        if (caller.has(Role.CITY_ADMIN)) {
            return "true";
        }
        List<String> any = new ArrayList<>();
        if (caller.hasAny(Role.PROVIDER_STAFF, Role.CASE_MANAGER) && caller.org().isPresent()) {
            any.add(SERVED_BY_ORG);
        }
        if (caller.has(Role.GUARDIAN)) {
            any.add(LINKED_TO_SUBJECT);
        }
        return any.isEmpty() ? "false" : "(" + String.join(" or ", any) + ")";
    }

    public <Q extends Query> Q bindScope(Q query) {
        String scope = readScope();
        if (scope.contains(":org")) {
            query.setParameter("org", caller.org().orElseThrow());
        }
        if (scope.contains(":subject")) {
            query.setParameter("subject", caller.subject());
        }
        return query;
    }

    /**
     * Audits a refused or unanswerable request about one youth in its own transaction and returns
     * the 404 to throw: the same answer whether the youth is hidden or absent.
     */
    public ApiException hidden(UUID participantId, String action, String resource) {
        refused(participantId, action, resource);
        return ApiException.notFound();
    }

    private void refused(UUID participantId, String action, String resource) {
        boolean exists = exists(participantId);
        audit.recordAlone(
                action,
                resource,
                exists ? List.of(participantId) : List.of(),
                exists ? Outcome.DENIED : Outcome.NOT_FOUND);
    }
}
