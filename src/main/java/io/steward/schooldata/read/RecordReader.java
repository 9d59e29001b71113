package io.steward.schooldata.read;

import io.steward.common.Rows;
import io.steward.schooldata.DataCategory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reads a participant's stored academic records, only those of agreements ACTIVE and in effect on
 * the day, in (school year, category, id) order.
 */
@ApplicationScoped
public class RecordReader {

    /** A stored record, still encrypted. */
    record Stored(
            UUID id,
            UUID agreementId,
            DataCategory category,
            String schoolYear,
            byte[] payload,
            UUID districtId,
            String districtCode) {}

    @Inject EntityManager em;

    List<Stored> page(
            UUID participantId,
            Set<String> categories,
            UUID districtId,
            LocalDate today,
            List<String> after,
            int limit) {
        StringBuilder sql =
                new StringBuilder(
                        "select r.id, r.agreement_id, r.category, r.school_year, r.payload,"
                                + " d.id as district_id, d.code from academic_record r"
                                + " join agreement a on a.id = r.agreement_id"
                                + " join organization d on d.id = a.district_id"
                                + " where r.participant_id = ?1 and a.status = 'ACTIVE'"
                                + " and a.effective_from <= ?2 and a.effective_until >= ?2");
        List<Object> params = new ArrayList<>(List.of(participantId, today));
        if (categories != null) {
            params.add(
                    DataCategory.literal(categories.stream().map(DataCategory::valueOf).toList()));
            sql.append(" and r.category = any(cast(?").append(params.size()).append(" as text[]))");
        }
        if (districtId != null) {
            params.add(districtId);
            sql.append(" and a.district_id = ?").append(params.size());
        }
        if (after != null) {
            params.add(after.get(0));
            params.add(after.get(1));
            params.add(UUID.fromString(after.get(2)));
            int n = params.size();
            sql.append(" and (r.school_year, r.category, r.id) > (?")
                    .append(n - 2)
                    .append(", ?")
                    .append(n - 1)
                    .append(", ?")
                    .append(n)
                    .append(")");
        }
        var query = em.createNativeQuery(sql + " order by r.school_year, r.category, r.id");
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setMaxResults(limit + 1).getResultList();
        return rows.stream()
                .map(
                        r ->
                                new Stored(
                                        Rows.uuid(r[0]),
                                        Rows.uuid(r[1]),
                                        DataCategory.valueOf((String) r[2]),
                                        (String) r[3],
                                        (byte[]) r[4],
                                        Rows.uuid(r[5]),
                                        (String) r[6]))
                .toList();
    }
}
