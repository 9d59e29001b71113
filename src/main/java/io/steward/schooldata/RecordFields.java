package io.steward.schooldata;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * The fields of one academic record, by category: SCHOOL_ATTENDANCE has {@code daysEnrolled} and
 * {@code daysAbsent}; GRADES {@code course} and {@code mark}; ASSESSMENTS {@code subject}, {@code
 * scaleScore} (optional) and {@code proficient}. Stored as encrypted JSON in the record's payload.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordFields(
        BigDecimal daysEnrolled,
        BigDecimal daysAbsent,
        String course,
        String mark,
        String subject,
        BigDecimal scaleScore,
        Boolean proficient) {

    public static RecordFields attendance(BigDecimal daysEnrolled, BigDecimal daysAbsent) {
        return new RecordFields(daysEnrolled, daysAbsent, null, null, null, null, null);
    }

    public static RecordFields grade(String course, String mark) {
        return new RecordFields(null, null, course, mark, null, null, null);
    }

    public static RecordFields assessment(
            String subject, BigDecimal scaleScore, boolean proficient) {
        return new RecordFields(null, null, null, null, subject, scaleScore, proficient);
    }
}
