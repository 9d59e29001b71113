package io.steward.participants;

import io.steward.security.Caller;
import io.steward.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/**
 * Who may see a participant. A provider sees a youth while the youth has, or had, an enrollment in
 * one of its programs; a guardian sees the youth linked to its token subject; the city sees
 * everyone. Every rule about seeing a participant is written here once.
 */
@ApplicationScoped
public class ParticipantAccess {

    /** SQL condition: participant {@code p} is served by the organization code {@code :org}. */
    public static final String SERVED_BY_ORG =
            "exists (select 1 from enrollment e join program pr on pr.id = e.program_id"
                    + " join organization o on o.id = pr.provider_id"
                    + " where e.participant_id = p.id and lower(o.code) = lower(:org))";

    @Inject EntityManager em;
    @Inject Caller caller;

    /** Whether the provider with this code has, or had, the youth in one of its programs. */
    public boolean servedBy(UUID participantId, String orgCode) {
        return (Boolean)
                em.createNativeQuery(
                                "select exists (select 1 from enrollment e"
                                        + " join program pr on pr.id = e.program_id"
                                        + " join organization o on o.id = pr.provider_id"
                                        + " where e.participant_id = ?1"
                                        + " and lower(o.code) = lower(?2))")
                        .setParameter(1, participantId)
                        .setParameter(2, orgCode)
                        .getSingleResult();
    }

    /** Whether this token subject is a linked guardian of the youth. */
    public boolean isLinkedGuardian(UUID participantId, String subject) {
        return (Boolean)
                em.createNativeQuery(
                                "select exists (select 1 from guardian_link"
                                        + " where participant_id = ?1 and subject = ?2)")
                        .setParameter(1, participantId)
                        .setParameter(2, subject)
                        .getSingleResult();
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
}
