package io.steward.schooldata.edfi;

import io.steward.common.Dates;
import io.steward.schooldata.AcademicRow;
import io.steward.schooldata.DataCategory;
import io.steward.schooldata.RecordFields;
import io.steward.schooldata.RowErrors;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * InterchangeStudentAttendance: StudentSchoolAttendanceEvents become one SCHOOL_ATTENDANCE record
 * per student and school year.
 *
 * <ul>
 *   <li>daysAbsent: the absence events (category code containing "absen": Excused Absence,
 *       Unexcused Absence, Absent), each counting its EventDuration (a fraction of the day, 1 when
 *       absent); two events of the same day count once, the longer. Tardy, Partial and other events
 *       are not absences.
 *   <li>daysEnrolled: the instructional days of the student's school in that year from the calendar
 *       uploaded for the agreement (the largest, if the student attended several schools); without
 *       one, {@link EdFiConfig#defaultDaysEnrolled()}.
 *   <li>schoolYear: the session's SchoolYear, else the year of the event date (July to June).
 * </ul>
 */
final class EdFiAttendance implements EdFiReader.Interchange {

    static final String STUDENT = "StudentReference/StudentIdentity/StudentUniqueId";
    static final String SCHOOL = "SchoolReference/SchoolIdentity/SchoolId";
    static final String[] DATE = {"AttendanceEvent/EventDate", "EventDate"};
    static final String[] CATEGORY = {
        "AttendanceEvent/AttendanceEventCategory", "AttendanceEventCategory"
    };
    static final String[] DURATION = {"AttendanceEvent/EventDuration", "EventDuration"};
    static final String[] YEAR = {"SessionReference/SessionIdentity/SchoolYear", "SchoolYear"};

    private final RowErrors errors;
    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    int events;

    private static final class Tally {
        final long firstRow;
        final String student;
        final String year;
        final Set<String> schools = new LinkedHashSet<>();
        final Map<LocalDate, BigDecimal> absences = new HashMap<>();

        Tally(long firstRow, String student, String year) {
            this.firstRow = firstRow;
            this.student = student;
            this.year = year;
        }
    }

    EdFiAttendance(RowErrors errors) {
        this.errors = errors;
    }

    @Override
    public Set<String> elements() {
        return Set.of("StudentSchoolAttendanceEvent");
    }

    @Override
    public Set<String> paths() {
        Set<String> paths = new LinkedHashSet<>(List.of(STUDENT, SCHOOL));
        for (String[] group : List.of(DATE, CATEGORY, DURATION, YEAR)) {
            paths.addAll(List.of(group));
        }
        return paths;
    }

    @Override
    public void accept(EdFiElement e) {
        events++;
        long row = e.ordinal();
        String student = e.first(STUDENT);
        LocalDate date = Dates.parseOrNull(e.first(DATE));
        String category = EdFiElement.code(e.first(CATEGORY));
        BigDecimal duration = duration(e.first(DURATION));
        String yearText = e.first(YEAR);
        String year = yearText == null ? null : AcademicRow.schoolYear(yearText);
        if (student == null || student.isEmpty() || student.length() > 64) {
            errors.add(row, STUDENT, "is required, at most 64 characters");
        }
        if (date == null) {
            errors.add(row, DATE[0], "must be a real date in the form YYYY-MM-DD");
        }
        if (category == null || category.isEmpty()) {
            errors.add(row, CATEGORY[0], "is required");
        }
        if (duration == null) {
            errors.add(row, DURATION[0], "must be a number from 0 to 1");
        }
        if (yearText != null && year == null) {
            errors.add(row, YEAR[0], "must be a school year such as 2021-2022");
        }
        if (student == null || date == null || category == null || duration == null) {
            return;
        }
        String schoolYear = year != null ? year : AcademicRow.schoolYearOf(date);
        Tally tally =
                tallies.computeIfAbsent(
                        student.toLowerCase(Locale.ROOT) + "\u0000" + schoolYear,
                        k -> new Tally(row, student, schoolYear));
        String school = e.first(SCHOOL);
        if (school != null && !school.isEmpty()) {
            tally.schools.add(school);
        }
        if (category.toLowerCase(Locale.ROOT).contains("absen")) {
            tally.absences.merge(date, duration, BigDecimal::max);
        }
    }

    List<AcademicRow> rows(BiFunction<String, String, Integer> calendar, int defaultDays) {
        List<AcademicRow> rows = new ArrayList<>();
        for (Tally tally : tallies.values()) {
            Integer enrolled = null;
            for (String school : tally.schools) {
                Integer days = calendar.apply(school, tally.year);
                if (days != null && (enrolled == null || days > enrolled)) {
                    enrolled = days;
                }
            }
            BigDecimal daysEnrolled = BigDecimal.valueOf(enrolled == null ? defaultDays : enrolled);
            BigDecimal absent =
                    tally.absences.values().stream()
                            .reduce(BigDecimal.ZERO, BigDecimal::add)
                            .setScale(1, RoundingMode.HALF_UP);
            if (absent.compareTo(daysEnrolled) > 0) {
                errors.add(tally.firstRow, STUDENT, "has more days absent than days enrolled");
                continue;
            }
            rows.add(
                    new AcademicRow(
                            tally.firstRow,
                            tally.student,
                            tally.year,
                            DataCategory.SCHOOL_ATTENDANCE,
                            RecordFields.attendance(daysEnrolled, absent)));
        }
        return rows;
    }

    private static BigDecimal duration(String text) {
        if (text == null || text.isBlank()) {
            return BigDecimal.ONE;
        }
        try {
            BigDecimal value = new BigDecimal(text.trim());
            return value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0 ? null : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
