package io.steward.schooldata;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One record as a district sent it, before it is matched to a participant: {@code row} is its
 * position in the upload (data row of a CSV, line of NDJSON, element of Ed-Fi XML), for errors.
 */
public record AcademicRow(
        long row,
        String districtStudentId,
        String schoolYear,
        DataCategory category,
        RecordFields fields) {

    private static final Pattern YEAR_SPAN = Pattern.compile("(\\d{4})-(\\d{4})");
    private static final Pattern END_YEAR = Pattern.compile("\\d{4}");

    /** What tells two records of a student, category and year apart: course or subject. */
    public String discriminator() {
        String value =
                switch (category) {
                    case GRADES -> fields.course();
                    case ASSESSMENTS -> fields.subject();
                    case SCHOOL_ATTENDANCE -> "";
                };
        return value.trim().toLowerCase(Locale.ROOT);
    }

    /** The identity of the record within one upload, for finding duplicates. */
    public String identity() {
        return String.join(
                "\u0000",
                districtStudentId.trim().toLowerCase(Locale.ROOT),
                schoolYear,
                category.name(),
                discriminator());
    }

    /**
     * A school year as {@code 2021-2022}: accepts that form (consecutive years) or the end year
     * alone ({@code 2022}, as older Ed-Fi data writes it); null for anything else.
     */
    public static String schoolYear(String text) {
        if (text == null) {
            return null;
        }
        String value = text.trim();
        Matcher span = YEAR_SPAN.matcher(value);
        if (span.matches()) {
            int from = Integer.parseInt(span.group(1));
            return Integer.parseInt(span.group(2)) == from + 1 ? value : null;
        }
        if (END_YEAR.matcher(value).matches()) {
            int end = Integer.parseInt(value);
            return (end - 1) + "-" + end;
        }
        return null;
    }

    /** The school year a day falls in; years run from July 1 to June 30. */
    public static String schoolYearOf(LocalDate date) {
        int start = date.getMonthValue() >= 7 ? date.getYear() : date.getYear() - 1;
        return start + "-" + (start + 1);
    }
}
