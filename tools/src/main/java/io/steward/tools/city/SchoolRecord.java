package io.steward.tools.city;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One academic record row a district uploads under an agreement: the student, the school year
 * ({@code 2021-2022}), the category and the category's fields (for example {@code daysEnrolled} and
 * {@code daysAbsent} for {@code SCHOOL_ATTENDANCE}).
 */
public record SchoolRecord(
        String agreementKey,
        String districtStudentId,
        String schoolYear,
        String category,
        Map<String, Object> fields) {

    /** The row as the upload's NDJSON shape, fields in a stable order. */
    public Map<String, Object> row() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("districtStudentId", districtStudentId);
        row.put("schoolYear", schoolYear);
        row.put("category", category);
        row.putAll(fields);
        return row;
    }
}
