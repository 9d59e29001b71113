package io.steward.tools.edfi;

import io.steward.tools.city.Fields;
import io.steward.tools.city.SchoolRecord;
import io.steward.tools.city.SchoolYear;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * School attendance from StudentSchoolAttendance.xml for one school year. A day absent is a
 * distinct date with an Excused Absence or Unexcused Absence event; Tardy and Partial events are
 * not absences. A student's school is the one with most of their events (the lowest id on a tie).
 */
final class EdFiAttendance {

    static final Set<String> ABSENCES = Set.of("Excused Absence", "Unexcused Absence");

    private final SchoolYear year;
    private final Map<String, Set<String>> absentDates = new HashMap<>();
    private final Map<String, TreeMap<String, Integer>> eventsBySchool = new HashMap<>();

    EdFiAttendance(Iterable<XmlRecord> events, SchoolYear year) {
        this.year = year;
        for (XmlRecord event : events) {
            String yearLabel = event.first("SessionReference/SessionIdentity/SchoolYear");
            String student = event.first(EdFiSample.STUDENT_ID);
            if (student == null || (yearLabel != null && !yearLabel.equals(year.label()))) {
                continue;
            }
            String school = event.first("SchoolReference/SchoolIdentity/SchoolId");
            if (school != null) {
                eventsBySchool
                        .computeIfAbsent(student, s -> new TreeMap<>())
                        .merge(school, 1, Integer::sum);
            }
            String category =
                    XmlRecord.descriptor(event.first("AttendanceEvent/AttendanceEventCategory"));
            if (ABSENCES.contains(category)) {
                absentDates
                        .computeIfAbsent(student, s -> new HashSet<>())
                        .add(event.first("AttendanceEvent/EventDate"));
            }
        }
    }

    /** The school of the student's attendance events, or null when there are none. */
    String schoolOf(String student) {
        TreeMap<String, Integer> counts = eventsBySchool.get(student);
        if (counts == null) {
            return null;
        }
        String best = null;
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            if (best == null || entry.getValue() > counts.get(best)) {
                best = entry.getKey();
            }
        }
        return best;
    }

    int daysAbsent(String student) {
        return absentDates.getOrDefault(student, Set.of()).size();
    }

    /** The year's attendance record; a student without absence events attended every day. */
    SchoolRecord record(String agreement, String student, int daysEnrolled) {
        int absent = Math.min(daysAbsent(student), daysEnrolled);
        return new SchoolRecord(
                agreement,
                student,
                year.label(),
                "SCHOOL_ATTENDANCE",
                Fields.of("daysEnrolled", daysEnrolled, "daysAbsent", absent));
    }
}
