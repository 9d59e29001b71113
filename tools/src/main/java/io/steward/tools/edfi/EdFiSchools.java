package io.steward.tools.edfi;

import io.steward.tools.city.SchoolYear;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Schools of the sample: which grades each serves (EducationOrganization.xml) and how many
 * instructional days its calendar has in a school year (EducationOrgCalendar.xml).
 */
final class EdFiSchools {

    private static final Map<String, String> GRADE_NAMES =
            Map.ofEntries(
                    Map.entry("Preschool/Prekindergarten", "PK"),
                    Map.entry("Kindergarten", "K"),
                    Map.entry("First grade", "1"),
                    Map.entry("Second grade", "2"),
                    Map.entry("Third grade", "3"),
                    Map.entry("Fourth grade", "4"),
                    Map.entry("Fifth grade", "5"),
                    Map.entry("Sixth grade", "6"),
                    Map.entry("Seventh grade", "7"),
                    Map.entry("Eighth grade", "8"),
                    Map.entry("Ninth grade", "9"),
                    Map.entry("Tenth grade", "10"),
                    Map.entry("Eleventh grade", "11"),
                    Map.entry("Twelfth grade", "12"));

    private final Map<String, String> schoolByGrade = new HashMap<>();
    private final Map<String, Integer> instructionalDays = new HashMap<>();
    private String lowestGradeSchool;

    EdFiSchools(List<XmlRecord> schools, List<XmlRecord> sessions, SchoolYear year) {
        TreeMap<Integer, String> byLevel = new TreeMap<>();
        for (XmlRecord school : schools) {
            String id = school.first("SchoolId");
            for (String uri : school.all("GradeLevel")) {
                String grade = GRADE_NAMES.get(XmlRecord.descriptor(uri));
                if (grade != null) {
                    schoolByGrade.putIfAbsent(grade, id);
                    byLevel.putIfAbsent(level(grade), id);
                }
            }
        }
        lowestGradeSchool = byLevel.isEmpty() ? null : byLevel.firstEntry().getValue();
        for (XmlRecord session : sessions) {
            if (year.label().equals(session.first("SchoolYear"))) {
                String school = session.first("SchoolReference/SchoolIdentity/SchoolId");
                String days = session.first("TotalInstructionalDays");
                if (school != null && days != null) {
                    instructionalDays.merge(school, Integer.parseInt(days), Integer::sum);
                }
            }
        }
    }

    /**
     * The school that serves a grade. PK and K, which no school of the sample lists, go to the
     * school serving the lowest grade (the elementary school).
     */
    String forGrade(String grade) {
        return schoolByGrade.getOrDefault(grade, lowestGradeSchool);
    }

    /** Instructional days of the school's sessions in the year, or null without a calendar. */
    Integer daysEnrolled(String school) {
        return instructionalDays.get(school);
    }

    static int level(String grade) {
        return switch (grade) {
            case "PK" -> -1;
            case "K" -> 0;
            default -> Integer.parseInt(grade);
        };
    }
}
