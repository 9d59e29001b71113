package io.steward.tools.city;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic program attendance: how many days a youth comes and on which days. Neither sample has
 * afterschool attendance, so both loaders make it here, deterministically per youth. The number of
 * days spreads over the dosage bands 0-29, 30-59 and 60+.
 */
public final class ProgramDays {

    private ProgramDays() {}

    /** Program days for one youth: a third light (1-29), a third medium, a third 60-110. */
    public static int count(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> 1 + random.nextInt(29);
            case 1 -> 30 + random.nextInt(30);
            default -> 60 + random.nextInt(51);
        };
    }

    /** {@code days} distinct weekdays of the program from {@code from}, each with minutes. */
    public static List<Attendance> sessions(
            Random random, Program program, String youthKey, LocalDate from, int days) {
        List<LocalDate> open = SchoolYear.weekdays(from, program.endDate());
        List<Attendance> sessions = new ArrayList<>();
        int wanted = Math.min(days, open.size());
        for (int i = 0; i < open.size() && sessions.size() < wanted; i++) {
            int left = open.size() - i;
            int need = wanted - sessions.size();
            if (random.nextInt(left) < need) {
                int minutes = 60 + 15 * random.nextInt(9);
                sessions.add(new Attendance(program.key(), youthKey, open.get(i), minutes));
            }
        }
        return sessions;
    }
}
