package io.steward.tools.city;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * A school year: its label ({@code 2021-2022}), first and last day, and the age cutoff that places
 * a child in a grade.
 *
 * <p>Grade from birth date: a child who is 5 on the cutoff date (1 September of the year the school
 * year starts) is in kindergarten, 6 in grade 1, up to 17 in grade 12; 4 or younger is {@code PK}.
 * Older than 17 counts as grade 12, which the samples never reach.
 */
public record SchoolYear(String label, LocalDate firstDay, LocalDate lastDay) {

    /** The school year of the Grand Bend sample: fall semester 2021-08-23 to 2022-05-27. */
    public static final SchoolYear SY_2021_2022 =
            new SchoolYear("2021-2022", LocalDate.of(2021, 8, 23), LocalDate.of(2022, 5, 27));

    public LocalDate ageCutoff() {
        return LocalDate.of(firstDay.getYear(), 9, 1);
    }

    public String gradeLevel(LocalDate birthDate) {
        int age = Period.between(birthDate, ageCutoff()).getYears();
        if (age <= 4) {
            return "PK";
        }
        if (age == 5) {
            return "K";
        }
        return Integer.toString(Math.min(age - 5, 12));
    }

    /** Weekdays from {@code from} to {@code to}, both included, for program sessions. */
    public static List<LocalDate> weekdays(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY
                    && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(day);
            }
        }
        return days;
    }
}
