package io.steward.disclosures;

import io.steward.common.Rows;
import io.steward.schooldata.DataCategory;
import io.steward.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The record of disclosures. Every answer that discloses academic data (consent-based reads,
 * parents' and districts' reads, extracts) calls {@link #record} inside the transaction of the
 * read, so a disclosure is recorded exactly when its answer is produced. Rows are never changed.
 */
@ApplicationScoped
public class DisclosureLog {

    private static final String SELECT =
            "select d.id, d.at, d.recipient_code, d.actor, d.actor_role, d.categories, d.basis,"
                    + " d.consent_id, d.agreement_id, o.code, d.purpose, d.records"
                    + " from disclosure d left join organization o on o.id = d.source_district_id"
                    + " where d.participant_id = ?1 ";

    @Inject EntityManager em;
    @Inject Caller caller;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(DisclosureEntry e) {
        em.createNativeQuery(
                        "insert into disclosure (id, participant_id, at, actor, actor_role,"
                                + " recipient_code, categories, basis, consent_id, agreement_id,"
                                + " source_district_id, purpose, records) values (?1, ?2, ?3, ?4,"
                                + " ?5, ?6, cast(?7 as text[]), ?8, ?9, ?10, ?11, ?12, ?13)")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, e.participantId())
                .setParameter(3, Instant.now().truncatedTo(ChronoUnit.MICROS))
                .setParameter(4, caller.subject())
                .setParameter(5, e.actorRole())
                .setParameter(6, e.recipientCode())
                .setParameter(7, DataCategory.literal(e.categories()))
                .setParameter(8, e.basis().name())
                .setParameter(9, e.consentId())
                .setParameter(10, e.agreementId())
                .setParameter(11, e.sourceDistrictId())
                .setParameter(12, e.purpose())
                .setParameter(13, e.records())
                .executeUpdate();
    }

    /**
     * Up to {@code limit + 1} disclosures of a participant after a key, oldest first; only those of
     * records from one district when {@code sourceDistrictId} is set.
     */
    public List<DisclosureView> page(
            UUID participantId, UUID sourceDistrictId, Instant afterAt, UUID afterId, int limit) {
        StringBuilder sql = new StringBuilder(SELECT);
        List<Object> params = new ArrayList<>(List.of(participantId));
        if (sourceDistrictId != null) {
            params.add(sourceDistrictId);
            sql.append("and d.source_district_id = ?").append(params.size()).append(' ');
        }
        if (afterAt != null) {
            params.add(afterAt);
            params.add(afterId);
            sql.append("and (d.at, d.id) > (?")
                    .append(params.size() - 1)
                    .append(", ?")
                    .append(params.size())
                    .append(") ");
        }
        var query = em.createNativeQuery(sql.append("order by d.at, d.id").toString());
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setMaxResults(limit + 1).getResultList();
        return rows.stream().map(DisclosureLog::view).toList();
    }

    private static DisclosureView view(Object[] r) {
        return new DisclosureView(
                Rows.uuid(r[0]),
                Rows.instant(r[1]),
                (String) r[2],
                (String) r[3],
                (String) r[4],
                DataCategory.sorted(DataCategory.fromArray(Rows.strings(r[5]))),
                DisclosureEntry.Basis.valueOf((String) r[6]),
                Rows.uuid(r[7]),
                Rows.uuid(r[8]),
                (String) r[9],
                (String) r[10],
                Rows.integer(r[11]));
    }
}
