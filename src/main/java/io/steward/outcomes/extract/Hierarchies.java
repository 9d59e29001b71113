package io.steward.outcomes.extract;

import java.util.List;

/**
 * The generalization steps of each quasi-identifier, from exact (level 0) to fully hidden ({@code
 * *}). Grades widen to school bands, schools to any school, birth years to two, then four years.
 */
final class Hierarchies {

    static final int GRADE_LEVELS = 4;
    static final int SCHOOL_LEVELS = 2;
    static final int BIRTH_YEAR_LEVELS = 4;

    private static final List<String> GRADES =
            List.of("PK", "K", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");

    private Hierarchies() {}

    static String grade(String grade, int level) {
        int rank = GRADES.indexOf(grade);
        if (level == 0) {
            return grade;
        }
        if (rank < 0 || level >= GRADE_LEVELS - 1) {
            return "*";
        }
        if (level == 1) {
            return rank <= 1
                    ? "PK-K"
                    : rank <= 4 ? "1-3" : rank <= 6 ? "4-5" : rank <= 9 ? "6-8" : "9-12";
        }
        return rank <= 6 ? "PK-5" : "6-12";
    }

    static String school(String school, int level) {
        return level == 0 ? school : "*";
    }

    static String birthYear(int year, int level) {
        if (level == 0) {
            return String.valueOf(year);
        }
        if (level >= BIRTH_YEAR_LEVELS - 1) {
            return "*";
        }
        int span = level == 1 ? 2 : 4;
        int start = Math.floorDiv(year, span) * span;
        return start + "-" + (start + span - 1);
    }
}
