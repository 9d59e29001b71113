package io.steward.support;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads the audit_event table, so tests can assert the event a request appended. Rows are found by
 * their insertion {@code id}, which every event has from its commit on; the chain position ({@code
 * seq}) comes later, from the chain writer.
 */
public final class AuditRows {

    /** One audit event as stored. */
    public record Row(
            long id,
            String actor,
            String org,
            String role,
            String action,
            String resource,
            List<UUID> participantIds,
            String outcome) {}

    private AuditRows() {}

    /** The highest event id so far; take it before a request, then read {@link #since}. */
    public static long head(DataSource ds) {
        List<Row> rows = query(ds, "select * from audit_event order by id desc limit 1");
        return rows.isEmpty() ? 0 : rows.get(0).id();
    }

    /** The events recorded after an id, oldest first. */
    public static List<Row> since(DataSource ds, long id) {
        return query(ds, "select * from audit_event where id > ? order by id", id);
    }

    /** The events after an id with one action, oldest first. */
    public static List<Row> since(DataSource ds, long id, String action) {
        return since(ds, id).stream().filter(r -> r.action().equals(action)).toList();
    }

    private static List<Row> query(DataSource ds, String sql, Object... params) {
        try (Connection c = ds.getConnection();
                PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(
                            new Row(
                                    rs.getLong("id"),
                                    rs.getString("actor"),
                                    rs.getString("org"),
                                    rs.getString("role"),
                                    rs.getString("action"),
                                    rs.getString("resource"),
                                    ids(rs.getArray("participant_ids")),
                                    rs.getString("outcome")));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<UUID> ids(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(o -> (UUID) o).toList();
    }
}
