package io.steward.consent;

import io.steward.common.Rows;
import io.steward.consent.ConsentRequest.Method;
import io.steward.participants.ParticipantAccess;
import io.steward.schooldata.DataCategory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/** Consents and revocations, inserted once and never updated (the tables refuse it). */
@ApplicationScoped
public class ConsentRepository {

    private static final String SELECT =
            "select c.id, c.participant_id, c.grantor_name, c.grantor_relationship_sealed,"
                    + " c.grantor_relationship, o.code,"
                    + " c.data_categories, c.purpose, c.signed_on, c.valid_from, c.valid_until,"
                    + " c.method, c.evidence_sha256, c.evidence_media_type, c.recorded_at,"
                    + " c.recorded_by, c.recorded_by_org, r.revoked_at, r.revoked_by, r.reason"
                    + " from consent c join organization o on o.id = c.recipient_id"
                    + " left join consent_revocation r on r.consent_id = c.id ";

    private static final int COLUMNS = 20;

    private static final String ACTIVE_IF_SERVED =
            "select s.served, a.* from (select "
                    + ParticipantAccess.SERVED_BY_ID_AND_ORG
                    + " as served) s left join ("
                    + SELECT
                    + "where c.participant_id = ? and lower(o.code) = lower(?)"
                    + " and c.valid_from <= ? and c.valid_until >= ? and r.consent_id is null"
                    + " order by c.signed_on, c.id limit 500) a on s.served"
                    + " order by a.signed_on, a.id";

    @Inject EntityManager em;

    public void insert(Consent c, UUID recipientId) {
        em.createNativeQuery(
                        "insert into consent (id, participant_id, grantor_name,"
                            + " grantor_relationship_sealed, recipient_id, data_categories,"
                            + " purpose, signed_on, valid_from, valid_until, method,"
                            + " evidence_sha256, evidence_media_type, recorded_at, recorded_by,"
                            + " recorded_by_org) values (?1, ?2, ?3, ?4, ?5, cast(?6 as text[]),"
                            + " ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)")
                .setParameter(1, c.id())
                .setParameter(2, c.participantId())
                .setParameter(3, c.grantorName())
                .setParameter(4, c.grantorRelationship())
                .setParameter(5, recipientId)
                .setParameter(6, DataCategory.literal(c.dataCategories()))
                .setParameter(7, c.purpose())
                .setParameter(8, c.signedOn())
                .setParameter(9, c.validFrom())
                .setParameter(10, c.validUntil())
                .setParameter(11, c.method().name())
                .setParameter(12, c.evidenceSha256())
                .setParameter(13, c.evidenceMediaType())
                .setParameter(14, c.recordedAt())
                .setParameter(15, c.recordedBy())
                .setParameter(16, c.recordedByOrg())
                .executeUpdate();
    }

    public void revoke(UUID consentId, Instant at, String by, String byOrg, byte[] reason) {
        em.createNativeQuery(
                        "insert into consent_revocation (consent_id, revoked_at, revoked_by,"
                                + " revoked_by_org, reason) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, consentId)
                .setParameter(2, at)
                .setParameter(3, by)
                .setParameter(4, byOrg)
                .setParameter(5, reason)
                .executeUpdate();
    }

    /** The consent of this participant with this id; {@code lock} serializes revocations. */
    public Optional<Consent> find(UUID participantId, UUID consentId, boolean lock) {
        if (lock) {
            em.createNativeQuery("select id from consent where id = ?1 for update")
                    .setParameter(1, consentId)
                    .getResultList();
        }
        return list(
                        "where c.participant_id = ?1 and c.id = ?2",
                        List.of(participantId, consentId),
                        1)
                .stream()
                .findFirst();
    }

    /** Up to {@code limit + 1} consents of a participant after a key, oldest first. */
    public List<Consent> page(UUID participantId, Instant afterAt, UUID afterId, int limit) {
        if (afterAt == null) {
            return list(
                    "where c.participant_id = ?1 order by c.recorded_at, c.id",
                    List.of(participantId),
                    limit + 1);
        }
        return list(
                "where c.participant_id = ?1 and (c.recorded_at, c.id) > (?2, ?3)"
                        + " order by c.recorded_at, c.id",
                List.of(participantId, afterAt, afterId),
                limit + 1);
    }

    /**
     * In one statement, whether the provider with this code serves the youth ({@link
     * ParticipantAccess#SERVED_BY_ID_AND_ORG}) and, if it does, the consents of the youth that are
     * in effect on a day, unrevoked, and name that provider as recipient, oldest signature first.
     * Null when the provider does not serve the youth; an empty list when it does but holds no such
     * consent.
     */
    public List<Consent> activeIfServed(UUID participantId, String orgCode, LocalDate today) {
        return em.unwrap(Session.class)
                .doReturningWork(c -> activeIfServed(c, participantId, orgCode, today));
    }

    private static List<Consent> activeIfServed(
            Connection c, UUID participantId, String orgCode, LocalDate today) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(ACTIVE_IF_SERVED)) {
            st.setObject(1, participantId);
            st.setString(2, orgCode);
            st.setObject(3, participantId);
            st.setString(4, orgCode);
            st.setObject(5, today);
            st.setObject(6, today);
            List<Consent> active = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (!rs.getBoolean(1)) {
                        return null;
                    }
                    if (rs.getObject(2) == null) {
                        continue;
                    }
                    Object[] row = new Object[COLUMNS];
                    for (int i = 0; i < COLUMNS; i++) {
                        row[i] = rs.getObject(i + 2);
                    }
                    active.add(map(row));
                }
            }
            return active;
        }
    }

    private List<Consent> list(String where, List<Object> params, int max) {
        var query = em.createNativeQuery(SELECT + where);
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setMaxResults(max).getResultList();
        return rows.stream().map(ConsentRepository::map).toList();
    }

    private static Consent map(Object[] r) {
        return new Consent(
                Rows.uuid(r[0]),
                Rows.uuid(r[1]),
                (byte[]) r[2],
                (byte[]) r[3],
                (String) r[4],
                (String) r[5],
                DataCategory.fromArray(Rows.strings(r[6])),
                (String) r[7],
                Rows.date(r[8]),
                Rows.date(r[9]),
                Rows.date(r[10]),
                Method.valueOf((String) r[11]),
                r[12].toString(),
                (String) r[13],
                Rows.instant(r[14]),
                (String) r[15],
                (String) r[16],
                Rows.instant(r[17]),
                (String) r[18],
                (byte[]) r[19]);
    }
}
