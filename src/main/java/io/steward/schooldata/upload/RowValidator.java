package io.steward.schooldata.upload;

import io.steward.common.Text;
import io.steward.schooldata.AcademicRow;
import io.steward.schooldata.DataCategory;
import io.steward.schooldata.RecordFields;
import io.steward.schooldata.RowErrors;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks one row of a CSV or NDJSON upload and makes it an {@link AcademicRow}. Values arrive as
 * text (CSV) or JSON scalars (NDJSON: text, number, boolean). Every problem is reported by row and
 * column; a row with any problem gives null.
 */
final class RowValidator {

    static final List<String> REQUIRED = List.of("districtStudentId", "schoolYear", "category");
    static final Map<DataCategory, List<String>> FIELDS =
            Map.of(
                    DataCategory.SCHOOL_ATTENDANCE, List.of("daysEnrolled", "daysAbsent"),
                    DataCategory.GRADES, List.of("course", "mark"),
                    DataCategory.ASSESSMENTS, List.of("subject", "scaleScore", "proficient"));
    static final Set<String> COLUMNS =
            Set.of(
                    "districtStudentId",
                    "schoolYear",
                    "category",
                    "daysEnrolled",
                    "daysAbsent",
                    "course",
                    "mark",
                    "subject",
                    "scaleScore",
                    "proficient");

    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,9}(\\.\\d{1,4})?");
    private static final Pattern YEAR = Pattern.compile("\\d{4}-\\d{4}");
    private static final BigDecimal MAX_DAYS = BigDecimal.valueOf(366);

    private final Set<DataCategory> allowed;
    private final RowErrors errors;
    private final Map<String, Long> seen = new HashMap<>();

    RowValidator(Set<DataCategory> allowed, RowErrors errors) {
        this.allowed = allowed;
        this.errors = errors;
    }

    AcademicRow validate(long row, Map<String, Object> values) {
        int before = errors.count();
        for (String column : values.keySet()) {
            if (!COLUMNS.contains(column)) {
                errors.add(row, column, "is not a known column");
            }
        }
        String student = text(row, values, "districtStudentId", 64, true);
        String year = text(row, values, "schoolYear", 9, true);
        if (year != null
                && (!YEAR.matcher(year).matches() || AcademicRow.schoolYear(year) == null)) {
            errors.add(row, "schoolYear", "must be a school year such as 2021-2022");
        }
        DataCategory category = category(row, values);
        if (category == null) {
            return null;
        }
        for (Map.Entry<DataCategory, List<String>> other : FIELDS.entrySet()) {
            for (String column : other.getValue()) {
                if (other.getKey() != category && present(values.get(column))) {
                    errors.add(row, column, "is not a field of category " + category);
                }
            }
        }
        RecordFields fields = fields(row, values, category);
        if (errors.count() != before) {
            return null;
        }
        AcademicRow parsed = new AcademicRow(row, student, year, category, fields);
        Long first = seen.putIfAbsent(parsed.identity(), row);
        if (first != null) {
            errors.add(row, "districtStudentId", "repeats the record of row " + first);
            return null;
        }
        return parsed;
    }

    private DataCategory category(long row, Map<String, Object> values) {
        String name = text(row, values, "category", 40, true);
        if (name == null) {
            return null;
        }
        DataCategory category;
        try {
            category = DataCategory.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(row, "category", "must be one of " + List.of(DataCategory.values()));
            return null;
        }
        if (!allowed.contains(category)) {
            errors.add(row, "category", "is not a category of this agreement");
            return null;
        }
        return category;
    }

    private RecordFields fields(long row, Map<String, Object> values, DataCategory category) {
        return switch (category) {
            case SCHOOL_ATTENDANCE -> {
                BigDecimal enrolled = days(row, values, "daysEnrolled");
                BigDecimal absent = days(row, values, "daysAbsent");
                if (enrolled != null && absent != null && absent.compareTo(enrolled) > 0) {
                    errors.add(row, "daysAbsent", "must not exceed daysEnrolled");
                }
                yield RecordFields.attendance(enrolled, absent);
            }
            case GRADES ->
                    RecordFields.grade(
                            text(row, values, "course", 200, true),
                            text(row, values, "mark", 20, true));
            case ASSESSMENTS -> {
                String subject = text(row, values, "subject", 200, true);
                BigDecimal score = number(row, values, "scaleScore", false);
                Boolean proficient = bool(row, values, "proficient");
                yield new RecordFields(null, null, null, null, subject, score, proficient);
            }
        };
    }

    private BigDecimal days(long row, Map<String, Object> values, String column) {
        BigDecimal days = number(row, values, column, true);
        if (days != null
                && (days.signum() < 0 || days.compareTo(MAX_DAYS) > 0 || days.scale() > 1)) {
            errors.add(row, column, "must be a number from 0 to 366 with at most one decimal");
            return null;
        }
        return days;
    }

    private BigDecimal number(long row, Map<String, Object> values, String column, boolean need) {
        Object value = values.get(column);
        if (!present(value)) {
            if (need) {
                errors.add(row, column, "is required");
            }
            return null;
        }
        String text = value instanceof BigDecimal d ? d.toPlainString() : value.toString().trim();
        if (value instanceof Boolean || !NUMBER.matcher(text).matches()) {
            errors.add(row, column, "must be a number");
            return null;
        }
        return new BigDecimal(text);
    }

    private Boolean bool(long row, Map<String, Object> values, String column) {
        Object value = values.get(column);
        if (!present(value)) {
            errors.add(row, column, "is required");
            return null;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        if (value instanceof String && (text.equals("true") || text.equals("false"))) {
            return Boolean.valueOf(text);
        }
        errors.add(row, column, "must be true or false");
        return null;
    }

    private String text(
            long row, Map<String, Object> values, String column, int max, boolean need) {
        Object value = values.get(column);
        if (!present(value)) {
            if (need) {
                errors.add(row, column, "is required");
            }
            return null;
        }
        if (value instanceof Boolean) {
            errors.add(row, column, "must be text");
            return null;
        }
        String text = value instanceof BigDecimal d ? d.toPlainString() : value.toString().trim();
        if (text.length() > max) {
            errors.add(row, column, "must be at most " + max + " characters");
            return null;
        }
        String problem = Text.problem(text);
        if (problem != null) {
            errors.add(row, column, problem);
            return null;
        }
        return text;
    }

    private static boolean present(Object value) {
        return value != null && !(value instanceof String s && s.isBlank());
    }
}
