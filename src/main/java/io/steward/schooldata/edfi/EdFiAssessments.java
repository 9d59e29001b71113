package io.steward.schooldata.edfi;

import io.steward.schooldata.AcademicRow;
import io.steward.schooldata.DataCategory;
import io.steward.schooldata.RecordFields;
import io.steward.schooldata.RowErrors;
import io.steward.schooldata.edfi.EdFiElement.Leaf;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * InterchangeStudentAssessment: each StudentAssessment becomes one ASSESSMENTS record.
 *
 * <ul>
 *   <li>subject: the AssessmentIdentifier of the assessment taken (for example {@code
 *       SA-2011-Mathematics-Eighth grade}); the academic subject itself lives in the assessment
 *       metadata, which is not read.
 *   <li>proficient: whether the assessment-level PerformanceLevel is one of {@link
 *       EdFiConfig#proficientLevels()}; objective-level results are ignored.
 *   <li>scaleScore: the ScoreResult reported as "Scale score", else "Vertical score", when numeric;
 *       absent otherwise.
 *   <li>schoolYear: SchoolYear, else the year of the AdministrationDate.
 * </ul>
 *
 * A StudentAssessment without a performance level (a reason not tested) is skipped and counted.
 */
final class EdFiAssessments implements EdFiReader.Interchange {

    static final String STUDENT = "StudentReference/StudentIdentity/StudentUniqueId";
    static final String ASSESSMENT = "AssessmentReference/AssessmentIdentity/AssessmentIdentifier";
    static final String YEAR = "SchoolYear";
    static final String DATE = "AdministrationDate";
    static final String LEVEL = "PerformanceLevel/PerformanceLevel";
    static final String RESULT = "ScoreResult/Result";
    static final String METHOD = "ScoreResult/AssessmentReportingMethod";
    static final List<String> SCALES = List.of("scale score", "vertical score");

    private final RowErrors errors;
    private final Set<String> proficient;
    final List<AcademicRow> rows = new ArrayList<>();
    int received;
    int skipped;

    EdFiAssessments(RowErrors errors, List<String> proficientLevels) {
        this.errors = errors;
        this.proficient =
                proficientLevels.stream()
                        .map(level -> level.trim().toLowerCase(Locale.ROOT))
                        .collect(Collectors.toSet());
    }

    @Override
    public Set<String> elements() {
        return Set.of("StudentAssessment");
    }

    @Override
    public Set<String> paths() {
        return Set.of(STUDENT, ASSESSMENT, YEAR, DATE, LEVEL, RESULT, METHOD);
    }

    @Override
    public void accept(EdFiElement e) {
        received++;
        long row = e.ordinal();
        String student = e.first(STUDENT);
        String subject = e.first(ASSESSMENT);
        String year = year(e);
        if (student == null || student.isEmpty() || student.length() > 64) {
            errors.add(row, STUDENT, "is required, at most 64 characters");
        }
        if (subject == null || subject.isEmpty() || subject.length() > 200) {
            errors.add(row, ASSESSMENT, "is required, at most 200 characters");
        }
        if (year == null) {
            errors.add(row, YEAR, "must be a school year, or AdministrationDate a date");
        }
        String level = EdFiElement.code(e.first(LEVEL));
        if (student == null || subject == null || year == null) {
            return;
        }
        if (level == null || level.isEmpty()) {
            skipped++;
            return;
        }
        boolean met = proficient.contains(level.toLowerCase(Locale.ROOT));
        rows.add(
                new AcademicRow(
                        row,
                        student,
                        year,
                        DataCategory.ASSESSMENTS,
                        RecordFields.assessment(subject, scale(e), met)));
    }

    private static String year(EdFiElement e) {
        String year = e.first(YEAR);
        if (year != null) {
            return AcademicRow.schoolYear(year);
        }
        String date = e.first(DATE);
        if (date == null || date.length() < 10) {
            return null;
        }
        try {
            return AcademicRow.schoolYearOf(LocalDate.parse(date.substring(0, 10)));
        } catch (RuntimeException ex) {
            return null;
        }
    }

    private static BigDecimal scale(EdFiElement e) {
        Map<Integer, String> methods = new HashMap<>();
        for (Leaf leaf : e.all(METHOD)) {
            methods.put(leaf.child(), EdFiElement.code(leaf.text()).toLowerCase(Locale.ROOT));
        }
        for (String wanted : SCALES) {
            for (Leaf result : e.all(RESULT)) {
                if (wanted.equals(methods.get(result.child()))) {
                    try {
                        return new BigDecimal(result.text());
                    } catch (NumberFormatException ex) {
                        return null;
                    }
                }
            }
        }
        return null;
    }
}
