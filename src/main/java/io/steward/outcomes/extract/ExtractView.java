package io.steward.outcomes.extract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;

/**
 * A de-identified extract of an agreement's school data. {@code generalization} gives the level of
 * each quasi-identifier (0 exact; grade 1 bands such as {@code 6-8}, 2 {@code PK-5}/{@code 6-12}, 3
 * hidden; school 1 hidden; birth year 1 two-year spans, 2 four-year spans, 3 hidden). Rows whose
 * combination stayed below the minimum cell size are dropped and counted in {@code suppressedRows}.
 */
public record ExtractView(
        UUID agreementId,
        int minimumCellSize,
        Generalization generalization,
        long suppressedRows,
        List<Row> rows,
        String redisclosureNotice) {

    public record Generalization(int gradeLevel, int schoolCode, int birthYear) {}

    /**
     * One youth under a pseudonym of this agreement. Measures appear only for the agreement's
     * categories and only when the youth has records of them: {@code attendanceRate}
     * (SCHOOL_ATTENDANCE, 1 - days absent / days enrolled), {@code assessments} and {@code
     * proficiencyShare} (ASSESSMENTS), {@code grades} (GRADES).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(
            String pseudonym,
            String gradeLevel,
            String schoolCode,
            String birthYear,
            Double attendanceRate,
            Integer assessments,
            Double proficiencyShare,
            List<ExtractRecords.Mark> grades) {}
}
