package io.steward.imports.job;

import io.steward.common.Dates;
import io.steward.common.Ids;
import io.steward.common.Text;
import io.steward.imports.file.Column;
import io.steward.imports.file.RawRow;
import io.steward.imports.file.RowError;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The checks of one row that need no database, with the same rules as a youth posted alone: strict
 * dates, grade levels PK, K, 1 to 12, required fields, lengths, and the natural key given whole.
 * Messages name the rule, never the value.
 */
final class RowCheck {

    static final int NAME_MAX = 100;
    static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    private static final Pattern GRADE = Pattern.compile("PK|K|[1-9]|1[0-2]");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern EMAIL =
            Pattern.compile("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");
    private static final String DATE = "must be a real date in the form YYYY-MM-DD";
    private static final String CODE_RULE = "must be letters, digits, '.', '_' or '-'";

    private final RawRow raw;
    private final ErrorList errors;
    private boolean failed;

    private RowCheck(RawRow raw, ErrorList errors) {
        this.raw = raw;
        this.errors = errors;
    }

    /** The checked row, or null after adding its errors to the list. */
    static CheckedRow check(RawRow raw, ErrorList errors) {
        if (!raw.errors().isEmpty()) {
            errors.addAll(raw.errors());
            return null;
        }
        return new RowCheck(raw, errors).run();
    }

    private CheckedRow run() {
        String program = required(Column.PROGRAM_ID);
        UUID programId = Ids.parseOrNull(program);
        if (program != null && programId == null) {
            fail(Column.PROGRAM_ID, "must be a program id (UUID)");
        }
        String first = text(Column.FIRST_NAME, NAME_MAX, true);
        String last = text(Column.LAST_NAME, NAME_MAX, true);
        LocalDate birth = date(Column.DATE_OF_BIRTH);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (birth != null && (birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(today))) {
            fail(Column.DATE_OF_BIRTH, "must be a past date after 1900-01-01");
        }
        String grade = required(Column.GRADE_LEVEL);
        if (grade != null && !GRADE.matcher(grade).matches()) {
            fail(Column.GRADE_LEVEL, "must be one of PK, K, 1 to 12");
        }
        String district = code(Column.DISTRICT_CODE, 40);
        String student = code(Column.DISTRICT_STUDENT_ID, 64);
        if (present(Column.DISTRICT_CODE) && !present(Column.DISTRICT_STUDENT_ID)) {
            fail(Column.DISTRICT_STUDENT_ID, "is required with districtCode");
        }
        if (present(Column.DISTRICT_STUDENT_ID) && !present(Column.DISTRICT_CODE)) {
            fail(Column.DISTRICT_CODE, "is required with districtStudentId");
        }
        String school = code(Column.SCHOOL_CODE, 40);
        String guardian = text(Column.GUARDIAN_NAME, 200, false);
        String relationship = text(Column.GUARDIAN_RELATIONSHIP, 40, false);
        String email = email();
        if (guardian == null && (relationship != null || email != null)) {
            fail(Column.GUARDIAN_NAME, "is required with guardianRelationship or guardianEmail");
        }
        if (relationship == null && (guardian != null || email != null)) {
            fail(Column.GUARDIAN_RELATIONSHIP, "is required with guardianName or guardianEmail");
        }
        LocalDate start = date(Column.START_DATE);
        if (failed) {
            return null;
        }
        return new CheckedRow(
                raw.row(),
                programId,
                first,
                last,
                birth,
                grade,
                district,
                student,
                school,
                guardian,
                relationship,
                email,
                start);
    }

    private String value(Column column) {
        String value = raw.get(column);
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    private boolean present(Column column) {
        return value(column) != null;
    }

    private String required(Column column) {
        String value = value(column);
        if (value == null) {
            fail(column, "is required");
        }
        return value;
    }

    private String text(Column column, int max, boolean required) {
        String value = required ? required(column) : value(column);
        if (value == null) {
            return null;
        }
        String normalized = Normalizer.normalize(value, Normalizer.Form.NFC).strip();
        String problem = Text.problem(normalized);
        if (problem != null) {
            fail(column, problem);
        } else if (normalized.length() > max) {
            fail(column, "must be at most " + max + " characters");
        }
        return normalized;
    }

    private String code(Column column, int max) {
        String value = value(column);
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            fail(column, "must be at most " + max + " characters");
            return null;
        }
        if (!CODE.matcher(value).matches()) {
            fail(column, CODE_RULE);
            return null;
        }
        return value;
    }

    private String email() {
        String value = value(Column.GUARDIAN_EMAIL);
        if (value != null && (value.length() > 254 || !EMAIL.matcher(value).matches())) {
            fail(Column.GUARDIAN_EMAIL, "must be an email address");
        }
        return value;
    }

    private LocalDate date(Column column) {
        String value = required(column);
        if (value == null) {
            return null;
        }
        LocalDate date = Dates.parseOrNull(value);
        if (date == null) {
            fail(column, DATE);
        }
        return date;
    }

    private void fail(Column column, String message) {
        failed = true;
        errors.add(RowError.of(raw.row(), column, message));
    }
}
