package io.steward.imports.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The staged rows that create a youth, in file order, read through a cursor so that memory stays
 * flat: pass two walks the file and this list side by side.
 */
final class NewRows implements AutoCloseable {

    /** A new youth's id and student key (null when the row gave none). */
    record New(UUID participantId, byte[] studentKey) {}

    private final PreparedStatement query;
    private final ResultSet rs;
    private long nextRow = -1;
    private New next;

    private NewRows(PreparedStatement query) throws SQLException {
        this.query = query;
        this.rs = query.executeQuery();
        advance();
    }

    /** Opens the cursor on a connection with auto-commit off (so rows are fetched in chunks). */
    static NewRows open(Connection connection, UUID jobId) throws SQLException {
        PreparedStatement query =
                connection.prepareStatement(
                        "select row_no, participant_id, student_key from import_row"
                                + " where job_id = ? and kind = 'NEW' order by row_no");
        try {
            query.setFetchSize(5000);
            query.setObject(1, jobId);
            return new NewRows(query);
        } catch (SQLException | RuntimeException e) {
            query.close();
            throw e;
        }
    }

    /** The new youth of this row, or null when the row names a youth created or found before. */
    New take(long row) throws SQLException {
        if (row != nextRow) {
            return null;
        }
        New taken = next;
        advance();
        return taken;
    }

    /** Whether every new youth has been taken. */
    boolean exhausted() {
        return nextRow < 0;
    }

    private void advance() throws SQLException {
        if (rs.next()) {
            nextRow = rs.getLong(1);
            next = new New(rs.getObject(2, UUID.class), rs.getBytes(3));
        } else {
            nextRow = -1;
            next = null;
        }
    }

    @Override
    public void close() throws SQLException {
        try (query) {
            rs.close();
        }
    }
}
