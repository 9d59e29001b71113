package io.steward.tools.city;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * School records for a synthetic student: attendance for the year (more program days, fewer
 * absences, plus noise), state assessments in mathematics and reading for grades 3 to 11, and two
 * course marks.
 */
final class SyntheticRecords {

    static final int DAYS_ENROLLED = 169;
    private static final List<String> MARKS = List.of("A", "B", "C", "D", "F");

    private SyntheticRecords() {}

    static List<SchoolRecord> of(
            Random random, Youth youth, SchoolYear year, int programDays, String agreement) {
        List<SchoolRecord> records = new ArrayList<>();
        String id = youth.districtStudentId();
        int absent = Math.max(0, 14 - programDays / 10 + random.nextInt(12) - 4);
        records.add(
                new SchoolRecord(
                        agreement,
                        id,
                        year.label(),
                        "SCHOOL_ATTENDANCE",
                        Fields.of("daysEnrolled", DAYS_ENROLLED, "daysAbsent", absent)));
        if (tested(youth.gradeLevel())) {
            for (String subject : List.of("Mathematics", "Reading")) {
                int score = 1350 + random.nextInt(300) + Math.min(programDays, 100);
                records.add(
                        new SchoolRecord(
                                agreement,
                                id,
                                year.label(),
                                "ASSESSMENTS",
                                Fields.of(
                                        "subject",
                                        subject,
                                        "scaleScore",
                                        score,
                                        "proficient",
                                        score >= 1550)));
            }
        }
        for (String course : List.of("Mathematics", "English Language Arts")) {
            records.add(
                    new SchoolRecord(
                            agreement,
                            id,
                            year.label(),
                            "GRADES",
                            Fields.of("course", course, "mark", MARKS.get(random.nextInt(4)))));
        }
        return records;
    }

    /** A school code of the demo district for the grade: elementary, middle or high school. */
    static String school(Random random, String grade) {
        int level = level(grade);
        if (level <= 5) {
            return random.nextBoolean() ? "255901107" : "255901108";
        }
        return level <= 8 ? "255901044" : "255901001";
    }

    private static boolean tested(String grade) {
        int level = level(grade);
        return level >= 3 && level <= 11;
    }

    private static int level(String grade) {
        return switch (grade) {
            case "PK" -> -1;
            case "K" -> 0;
            default -> Integer.parseInt(grade);
        };
    }
}
