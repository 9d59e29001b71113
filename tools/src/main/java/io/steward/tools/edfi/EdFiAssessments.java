package io.steward.tools.edfi;

import io.steward.tools.city.Fields;
import io.steward.tools.city.SchoolRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * State assessment results from StudentAssessment-StateAssessment.xml, one record each: the subject
 * from the assessment's metadata (AcademicSubject), the school year the result declares, the
 * vertical scale score when the result has one, and proficient when the overall performance level
 * is Met Standard or Advanced (Did Not Meet Standard is not proficient).
 */
final class EdFiAssessments {

    static final Set<String> PROFICIENT = Set.of("Met Standard", "Advanced");
    static final String SCALE_METHOD = "Vertical score";

    private EdFiAssessments() {}

    static List<SchoolRecord> records(EdFiSample sample, String agreement) {
        List<SchoolRecord> records = new ArrayList<>();
        for (XmlRecord result : sample.assessments()) {
            String student = result.first(EdFiSample.STUDENT_ID);
            String level = XmlRecord.descriptor(result.first("PerformanceLevel/PerformanceLevel"));
            String year = result.first("SchoolYear");
            if (student == null || level == null || year == null) {
                continue;
            }
            String assessment =
                    result.first("AssessmentReference/AssessmentIdentity/AssessmentIdentifier");
            String subject = sample.subjectByAssessment().getOrDefault(assessment, assessment);
            Map<String, Object> fields = Fields.of("subject", subject);
            Integer scale = scaleScore(result);
            if (scale != null) {
                fields.put("scaleScore", scale);
            }
            fields.put("proficient", PROFICIENT.contains(level));
            records.add(new SchoolRecord(agreement, student, year, "ASSESSMENTS", fields));
        }
        return records;
    }

    /** The result reported as a vertical scale score, or null when the result has none. */
    static Integer scaleScore(XmlRecord result) {
        List<String> methods = result.all("ScoreResult/AssessmentReportingMethod");
        List<String> values = result.all("ScoreResult/Result");
        for (int i = 0; i < methods.size() && i < values.size(); i++) {
            if (SCALE_METHOD.equals(XmlRecord.descriptor(methods.get(i)))) {
                return Integer.valueOf(values.get(i));
            }
        }
        return null;
    }
}
