package io.steward.incidents;

import io.steward.crypto.Envelope;
import io.steward.crypto.FieldContext;
import io.steward.incidents.AffectedView.AffectedDistrict;
import io.steward.incidents.AffectedView.AffectedParticipant;
import io.steward.incidents.AffectedView.Contact;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Turns the audit trail into a notification list: every youth whose records the suspected actor
 * read or changed in the window, what kind of data it was, how often, and whom to tell.
 */
@ApplicationScoped
public class AffectedQuery {

    @Inject EntityManager em;
    @Inject Envelope envelope;

    public AffectedView affected(Incident incident) {
        Map<UUID, TreeSet<String>> categories = new TreeMap<>();
        Map<UUID, Long> counts = new HashMap<>();
        for (Object[] row : touched(incident)) {
            UUID id = (UUID) row[0];
            categories.computeIfAbsent(id, k -> new TreeSet<>()).add(category((String) row[1]));
            counts.merge(id, ((Number) row[2]).longValue(), Long::sum);
        }
        List<UUID> ids = new ArrayList<>(categories.keySet());
        Map<UUID, List<Contact>> contacts = guardians(ids);

        List<AffectedParticipant> participants = new ArrayList<>();
        for (UUID id : ids) {
            participants.add(
                    new AffectedParticipant(
                            id,
                            List.copyOf(categories.get(id)),
                            counts.get(id),
                            contacts.getOrDefault(id, List.of())));
        }
        return new AffectedView(incident.id, participants, districts(ids));
    }

    /** The kind of data an audited action touched, named for a notice to families. */
    static String category(String action) {
        String prefix = action.contains(".") ? action.substring(0, action.indexOf('.')) : action;
        return switch (prefix) {
            case "participant", "participants" -> "PROFILE";
            case "guardian", "guardian-link" -> "GUARDIAN_CONTACTS";
            case "enrollment", "import" -> "ENROLLMENT";
            case "attendance" -> "PROGRAM_ATTENDANCE";
            case "consent" -> "CONSENTS";
            case "academic", "academic-records", "schooldata", "extract" -> "ACADEMIC_RECORDS";
            default -> "OTHER";
        };
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> touched(Incident incident) {
        return em.createNativeQuery(
                        "select pid, action, count(*) from audit_event,"
                                + " unnest(participant_ids) as pid"
                                + " where actor = ?1 and at >= ?2 and at < ?3"
                                + " and outcome = 'SUCCESS' group by pid, action")
                .setParameter(1, incident.suspectedActor)
                .setParameter(2, incident.windowFrom)
                .setParameter(3, incident.windowTo)
                .getResultList();
    }

    private Map<UUID, List<Contact>> guardians(List<UUID> ids) {
        Map<UUID, List<Contact>> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "select id, participant_id, name, relationship_sealed, email, phone"
                                        + " from guardian where participant_id = any(?1)"
                                        + " order by participant_id, position")
                        .setParameter(1, ids.toArray(new UUID[0]))
                        .getResultList();
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            Contact contact =
                    new Contact(
                            envelope.decrypt((byte[]) row[2], ctx(id, "name")),
                            envelope.decrypt((byte[]) row[3], ctx(id, "relationship")),
                            envelope.decrypt((byte[]) row[4], ctx(id, "email")),
                            envelope.decrypt((byte[]) row[5], ctx(id, "phone")));
            result.computeIfAbsent((UUID) row[1], k -> new ArrayList<>()).add(contact);
        }
        return result;
    }

    private List<AffectedDistrict> districts(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "select district_code, count(*) from participant"
                                        + " where id = any(?1) and district_code is not null"
                                        + " group by district_code order by district_code")
                        .setParameter(1, ids.toArray(new UUID[0]))
                        .getResultList();
        return rows.stream()
                .map(r -> new AffectedDistrict((String) r[0], ((Number) r[1]).longValue()))
                .toList();
    }

    private static FieldContext ctx(UUID guardianId, String column) {
        return FieldContext.of("guardian", column, guardianId);
    }
}
