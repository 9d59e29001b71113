package io.steward.imports.job;

import io.steward.imports.file.Column;
import io.steward.imports.file.RowError;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Checks across the staged rows of one job, in SQL so that memory does not grow with the file.
 *
 * <p>Rows of one file that name the same youth (the same student key; or, without a key, the same
 * names and birth date) are read in file order, as if each row were posted after the one before:
 * the first creates or matches the youth, later rows enroll that same youth. A later row with the
 * same student key and another birth date is an error, and so is a row that repeats an earlier
 * row's youth and program.
 *
 * <p>A key that names a youth stored before with another birth date is a conflict, reported on the
 * key's first row of the file only; later rows of that key are compared with the first. So a file
 * that repeats a key with many birth dates learns whether its first guess was right, never which of
 * the others is: one guess per file, as with {@code POST /participants}.
 */
final class StagedChecks {

    private static final String BIRTH_OR_REPEAT =
            "select row_no, first_row, first_birth <> birth_mac, same_program from ("
                    + " select row_no, birth_mac,"
                    + " first_value(row_no) over w as first_row,"
                    + " first_value(birth_mac) over w as first_birth,"
                    + " lag(row_no) over (partition by student_key, program_id order by row_no)"
                    + " as same_program"
                    + " from import_row where job_id = ? and student_key is not null"
                    + " window w as (partition by student_key order by row_no)) t"
                    + " where first_birth <> birth_mac or same_program is not null";
    private static final String FIRST_CONFLICT =
            "select row_no from ("
                    + " select row_no, kind,"
                    + " first_value(row_no) over (partition by student_key order by row_no)"
                    + " as first_row"
                    + " from import_row where job_id = ? and student_key is not null) t"
                    + " where kind = 'CONFLICT' and row_no = first_row";
    private static final String REPEAT_WITHOUT_KEY =
            "select row_no, same_program from ("
                    + " select row_no,"
                    + " lag(row_no) over (partition by youth_mac, program_id order by row_no)"
                    + " as same_program"
                    + " from import_row where job_id = ? and student_key is null) t"
                    + " where same_program is not null";

    private StagedChecks() {}

    /**
     * Adds the conflicts with youth stored before, then, when no row has failed on its own, the
     * errors found across rows.
     */
    static void check(Connection connection, UUID jobId, ErrorList errors) throws SQLException {
        boolean rowsPassed = errors.isEmpty();
        try (PreparedStatement query = connection.prepareStatement(FIRST_CONFLICT)) {
            query.setObject(1, jobId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    errors.add(
                            RowError.of(
                                    rs.getLong(1),
                                    Column.DISTRICT_STUDENT_ID,
                                    "conflicts with an existing youth record"));
                }
            }
        }
        if (rowsPassed) {
            acrossRows(connection, jobId, errors);
        }
    }

    private static void acrossRows(Connection connection, UUID jobId, ErrorList errors)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(BIRTH_OR_REPEAT)) {
            query.setObject(1, jobId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    long row = rs.getLong(1);
                    if (rs.getBoolean(3)) {
                        errors.add(
                                RowError.of(
                                        row,
                                        Column.DATE_OF_BIRTH,
                                        "differs from row "
                                                + rs.getLong(2)
                                                + ", which has the same districtCode and"
                                                + " districtStudentId"));
                    }
                    long same = rs.getLong(4);
                    if (!rs.wasNull()) {
                        errors.add(repeat(row, same));
                    }
                }
            }
        }
        try (PreparedStatement query = connection.prepareStatement(REPEAT_WITHOUT_KEY)) {
            query.setObject(1, jobId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    errors.add(repeat(rs.getLong(1), rs.getLong(2)));
                }
            }
        }
    }

    private static RowError repeat(long row, long earlier) {
        return RowError.of(
                row, Column.PROGRAM_ID, "repeats row " + earlier + ": the same youth and program");
    }
}
