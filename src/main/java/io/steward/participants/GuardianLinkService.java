package io.steward.participants;

import io.steward.audit.AuditLog;
import io.steward.audit.Outcome;
import io.steward.common.Rows;
import io.steward.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * Links guardian logins to youth. A {@code guardian_link} row is what makes a token subject a
 * linked guardian ({@link ParticipantAccess#isLinkedGuardian}); consent and disclosure rely on it.
 */
@ApplicationScoped
public class GuardianLinkService {

    /** The link, and whether this request made it (false when it existed already). */
    public record Linked(GuardianLinkView view, boolean created) {}

    @Inject EntityManager em;
    @Inject ParticipantAccess access;
    @Inject Caller caller;
    @Inject AuditLog audit;

    @Transactional
    public Linked link(UUID participantId, GuardianLinkRequest request) {
        String subject = request.subject().strip();
        String resource = "participants/" + participantId + "/guardian-links";
        if (!access.canLink(participantId)) {
            throw access.hidden(participantId, "participant.guardian-link", resource);
        }
        if (access.isOwnLogin(subject)) {
            throw access.ownLoginRefused(participantId, "participant.guardian-link", resource);
        }

        int inserted =
                em.createNativeQuery(
                                "insert into guardian_link (participant_id, subject, created_at,"
                                        + " created_by) values (?1, ?2, now(), ?3)"
                                        + " on conflict do nothing")
                        .setParameter(1, participantId)
                        .setParameter(2, subject)
                        .setParameter(3, caller.subject())
                        .executeUpdate();
        Object[] row =
                (Object[])
                        em.createNativeQuery(
                                        "select created_at, created_by from guardian_link"
                                                + " where participant_id = ?1 and subject = ?2")
                                .setParameter(1, participantId)
                                .setParameter(2, subject)
                                .getSingleResult();

        audit.record(
                "participant.guardian-link", resource, List.of(participantId), Outcome.SUCCESS);
        GuardianLinkView view =
                new GuardianLinkView(participantId, subject, Rows.instant(row[0]), (String) row[1]);
        return new Linked(view, inserted == 1);
    }
}
