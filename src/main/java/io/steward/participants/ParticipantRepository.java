package io.steward.participants;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ParticipantRepository implements PanacheRepositoryBase<Participant, UUID> {

    public Optional<Participant> findByStudentKey(byte[] studentKey) {
        return find("studentKey = ?1", (Object) studentKey).firstResultOptional();
    }

    /** The youth with this natural key, if the caller's scope (applied in the query) holds it. */
    @SuppressWarnings("unchecked")
    public List<Participant> visibleByStudentKey(byte[] studentKey, ParticipantAccess access) {
        return access.bindScope(
                        getEntityManager()
                                .createNativeQuery(
                                        "select p.* from participant p where p.student_key = :key"
                                                + " and "
                                                + access.readScope(),
                                        Participant.class)
                                .setParameter("key", studentKey))
                .getResultList();
    }

    /**
     * Serializes work on one natural key until the transaction ends, so two posts of the same youth
     * cannot both insert.
     */
    public void lockStudentKey(byte[] studentKey) {
        getEntityManager()
                .createNativeQuery("select pg_advisory_xact_lock(?1)")
                .setParameter(1, ByteBuffer.wrap(studentKey).getLong())
                .getSingleResult();
    }

    /**
     * Records that the caller's organization created or matched the youth, which lets it enroll the
     * youth ({@link ParticipantAccess#canEnroll}); an organization's first claim is kept.
     */
    public void claim(UUID participantId, String orgCode, String kind) {
        getEntityManager()
                .createNativeQuery(
                        "insert into participant_claim (participant_id, org_code, kind)"
                                + " values (?1, lower(?2), ?3) on conflict do nothing")
                .setParameter(1, participantId)
                .setParameter(2, orgCode)
                .setParameter(3, kind)
                .executeUpdate();
    }

    public List<Guardian> guardiansOf(UUID participantId) {
        return getEntityManager()
                .createQuery(
                        "from Guardian g where g.participantId = :id order by g.position",
                        Guardian.class)
                .setParameter("id", participantId)
                .getResultList();
    }

    public void addGuardian(Guardian guardian) {
        getEntityManager().persist(guardian);
    }
}
