package io.steward.schooldata.edfi;

import io.steward.schooldata.DataCategory;
import io.steward.schooldata.RowErrors;
import io.steward.schooldata.UploadBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Reads one Ed-Fi interchange document (Data Standard 5.x XML; the root element names the
 * interchange): InterchangeStudent, InterchangeStudentAttendance, InterchangeStudentAssessment or
 * InterchangeEducationOrgCalendar. Any problem fails the whole document with 400.
 */
@ApplicationScoped
public class EdFiImport {

    static final String STUDENT = "InterchangeStudent";
    static final String ATTENDANCE = "InterchangeStudentAttendance";
    static final String ASSESSMENT = "InterchangeStudentAssessment";
    static final String CALENDAR = "InterchangeEducationOrgCalendar";

    @Inject EdFiConfig config;

    /**
     * @param allowed the agreement's categories; an interchange of another category is refused
     * @param calendar instructional days of a school and year stored for the agreement, or null
     */
    public UploadBatch read(
            InputStream body,
            Set<DataCategory> allowed,
            BiFunction<String, String, Integer> calendar) {
        RowErrors errors = new RowErrors();
        EdFiStudents students = new EdFiStudents(errors);
        EdFiAttendance attendance = new EdFiAttendance(errors);
        EdFiAssessments assessments = new EdFiAssessments(errors, config.proficientLevels());
        EdFiCalendars calendars = new EdFiCalendars(errors);
        String[] root = new String[1];
        EdFiReader.read(
                body,
                name -> {
                    root[0] = name;
                    return switch (name) {
                        case STUDENT -> students;
                        case ATTENDANCE ->
                                need(attendance, DataCategory.SCHOOL_ATTENDANCE, allowed);
                        case ASSESSMENT -> need(assessments, DataCategory.ASSESSMENTS, allowed);
                        case CALENDAR -> calendars;
                        default ->
                                throw RowErrors.body(
                                        "must be one of the interchanges "
                                                + List.of(
                                                        STUDENT, ATTENDANCE, ASSESSMENT, CALENDAR));
                    };
                });
        if (root[0] == null) {
            throw RowErrors.body("is an empty XML document");
        }
        UploadBatch batch =
                switch (root[0]) {
                    case STUDENT ->
                            new UploadBatch(
                                    STUDENT,
                                    List.of(),
                                    students.ids,
                                    List.of(),
                                    students.ids.size(),
                                    0);
                    case ATTENDANCE -> {
                        var rows = attendance.rows(calendar, config.defaultDaysEnrolled());
                        yield new UploadBatch(
                                ATTENDANCE, rows, List.of(), List.of(), rows.size(), 0);
                    }
                    case ASSESSMENT ->
                            new UploadBatch(
                                    ASSESSMENT,
                                    assessments.rows,
                                    List.of(),
                                    List.of(),
                                    assessments.received,
                                    assessments.skipped);
                    default -> {
                        var found = calendars.calendars();
                        yield new UploadBatch(
                                CALENDAR, List.of(), List.of(), found, calendars.sessions, 0);
                    }
                };
        errors.throwIfAny();
        return batch;
    }

    private static EdFiReader.Interchange need(
            EdFiReader.Interchange interchange, DataCategory category, Set<DataCategory> allowed) {
        if (!allowed.contains(category)) {
            throw RowErrors.body(
                    "carries " + category + ", which is not a category of this agreement");
        }
        return interchange;
    }
}
