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
 *
 * <p>Each such conflict is a refused match of {@code POST /participants} too, for the key and for
 * the job's caller ({@code participants.MatchLimit}), and the limit applies as if the rows were
 * posted in file order: a keyed row is an error, whether its key exists or not, once its key had
 * too many refusals before the job or the caller had, counting the file's earlier conflicts. One
 * statement per job does it, after the last row.
 */
final class StagedChecks {

    /**
     * Per keyed row: the key's first row, whether the birth date differs from it, and the earlier
     * row of the same youth and program. Only rows with the first row's birth date name the key's
     * youth, so a repeat is looked for among them alone: a row that differs is an error of its own
     * and names no youth that another row could repeat.
     */
    private static final String BIRTH_OR_REPEAT =
            "select row_no, first_row, first_birth <> birth_mac,"
                    + " case when first_birth = birth_mac then same_program end from ("
                    + " select row_no, birth_mac,"
                    + " first_value(row_no) over w as first_row,"
                    + " first_value(birth_mac) over w as first_birth,"
                    + " lag(row_no) over (partition by student_key, program_id, birth_mac"
                    + " order by row_no) as same_program"
                    + " from import_row where job_id = ? and student_key is not null"
                    + " window w as (partition by student_key order by row_no)) t"
                    + " where first_birth <> birth_mac"
                    + " or (first_birth = birth_mac and same_program is not null)";

    /**
     * The match limit over the keyed rows, in file order: a row is limited when its key had {@code
     * perKey} refusals before the job, or the caller had {@code perCaller} counting the refusals of
     * earlier rows of the file; a key's first row that conflicts and is not limited is a refusal of
     * the key and the caller, inserted here. Answers the limited rows and the refused ones.
     * Parameters: job, window (s), caller, window (s), perKey, perCaller, caller.
     */
    private static final String LIMIT_AND_COUNT =
            """
            with keyed as (
                select row_no, student_key, kind = 'CONFLICT'
                    and row_no = first_value(row_no)
                        over (partition by student_key order by row_no) as conflict
                from import_row where job_id = ? and student_key is not null
            ),
            by_key as (
                select d.student_key, count(*) as n from participant_match_denial d
                where d.at > now() - ? * interval '1 second'
                    and d.student_key in (select student_key from keyed)
                group by d.student_key
            ),
            by_caller as (
                select count(*) as n from participant_match_denial
                where caller = ? and at > now() - ? * interval '1 second'
            ),
            marked as (
                select k.row_no, k.student_key, k.conflict, coalesce(b.n, 0) >= ? as key_over
                from keyed k left join by_key b on b.student_key = k.student_key
            ),
            judged as (
                select row_no, student_key, conflict,
                    key_over or (select n from by_caller)
                        + count(*) filter (where conflict and not key_over) over (order by row_no
                            rows between unbounded preceding and 1 preceding) >= ? as limited
                from marked
            ),
            refused as (
                insert into participant_match_denial (student_key, caller)
                select student_key, ? from judged where conflict and not limited
            )
            select row_no, limited from judged where limited or conflict order by row_no
            """;

    private static final String REPEAT_WITHOUT_KEY =
            "select row_no, same_program from ("
                    + " select row_no,"
                    + " lag(row_no) over (partition by youth_mac, program_id order by row_no)"
                    + " as same_program"
                    + " from import_row where job_id = ? and student_key is null) t"
                    + " where same_program is not null";

    static final String CONFLICT = "conflicts with an existing youth record";
    static final String LIMITED =
            "has had too many refused matches (a stored youth's key with another birth date),"
                    + " for this key or by you; retry later";

    /** The match limit of {@code POST /participants} for the job's caller (its token subject). */
    record MatchLimits(String caller, int perKey, int perCaller, long windowSeconds) {}

    private StagedChecks() {}

    /**
     * Applies the match limit and adds the conflicts with youth stored before, then the errors
     * found across rows. Both look at the staged rows only, those that passed their own checks, so
     * a file learns all of its errors in one pass even when some rows failed. The refusals are
     * inserted on {@code connection}, which commits on its own: they count although the job's
     * writing rolls back.
     */
    static void check(Connection connection, UUID jobId, MatchLimits limits, ErrorList errors)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(LIMIT_AND_COUNT)) {
            query.setObject(1, jobId);
            query.setLong(2, limits.windowSeconds());
            query.setString(3, limits.caller());
            query.setLong(4, limits.windowSeconds());
            query.setInt(5, limits.perKey());
            query.setInt(6, limits.perCaller());
            query.setString(7, limits.caller());
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    errors.add(
                            RowError.of(
                                    rs.getLong(1),
                                    Column.DISTRICT_STUDENT_ID,
                                    rs.getBoolean(2) ? LIMITED : CONFLICT));
                }
            }
        }
        acrossRows(connection, jobId, errors);
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
