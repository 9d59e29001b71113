package io.steward.schooldata.read;

import io.steward.common.Ids;
import io.steward.schooldata.DataCategory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

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
                                + " where r.participant_id = ? and a.status = 'ACTIVE'"
                                + " and a.effective_from <= ? and a.effective_until >= ?");
        List<Object> params = new ArrayList<>(List.of(participantId, today, today));
        if (categories != null) {
            params.add(
                    DataCategory.literal(categories.stream().map(DataCategory::valueOf).toList()));
            sql.append(" and r.category = any(cast(? as text[]))");
        }
        if (districtId != null) {
            params.add(districtId);
            sql.append(" and a.district_id = ?");
        }
        if (after != null) {
            params.add(after.get(0));
            params.add(after.get(1));
            params.add(Ids.parseOrNull(after.get(2)));
            sql.append(" and (r.school_year, r.category, r.id) > (?, ?, ?)");
        }
        params.add(limit + 1);
        sql.append(" order by r.school_year, r.category, r.id limit ?");
        return em.unwrap(Session.class)
                .doReturningWork(c -> read(c, sql.toString(), params, limit + 1));
    }

    private static List<Stored> read(Connection c, String sql, List<Object> params, int max)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                st.setObject(i + 1, params.get(i));
            }
            List<Stored> rows = new ArrayList<>(max);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(
                            new Stored(
                                    rs.getObject(1, UUID.class),
                                    rs.getObject(2, UUID.class),
                                    DataCategory.valueOf(rs.getString(3)),
                                    rs.getString(4),
                                    rs.getBytes(5),
                                    rs.getObject(6, UUID.class),
                                    rs.getString(7)));
                }
            }
            return rows;
        }
    }
}
