package io.steward.schooldata.edfi;

import io.steward.schooldata.AcademicRow;
import io.steward.schooldata.RowErrors;
import io.steward.schooldata.UploadBatch.SchoolCalendar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * InterchangeEducationOrgCalendar: the instructional days of each school and year are the sum of
 * TotalInstructionalDays over its Sessions (semesters, trimesters). Other elements are ignored.
 */
final class EdFiCalendars implements EdFiReader.Interchange {

    static final String SCHOOL = "SchoolReference/SchoolIdentity/SchoolId";
    static final String YEAR = "SchoolYear";
    static final String DAYS = "TotalInstructionalDays";

    private final RowErrors errors;
    private final Map<List<String>, Integer> days = new LinkedHashMap<>();
    int sessions;

    EdFiCalendars(RowErrors errors) {
        this.errors = errors;
    }

    @Override
    public Set<String> elements() {
        return Set.of("Session");
    }

    @Override
    public Set<String> paths() {
        return Set.of(SCHOOL, YEAR, DAYS);
    }

    @Override
    public void accept(EdFiElement element) {
        sessions++;
        String school = element.first(SCHOOL);
        String year = AcademicRow.schoolYear(element.first(YEAR));
        Integer total = integer(element.first(DAYS));
        if (school == null || school.isEmpty() || school.length() > 64) {
            errors.add(element.ordinal(), SCHOOL, "is required, at most 64 characters");
        }
        if (year == null) {
            errors.add(element.ordinal(), YEAR, "must be a school year such as 2021-2022");
        }
        if (total == null || total < 0 || total > 366) {
            errors.add(element.ordinal(), DAYS, "must be a whole number from 0 to 366");
        }
        if (school != null && year != null && total != null) {
            days.merge(List.of(school, year), total, Integer::sum);
        }
    }

    List<SchoolCalendar> calendars() {
        List<SchoolCalendar> out = new ArrayList<>();
        days.forEach(
                (key, total) -> {
                    if (total < 1 || total > 366) {
                        errors.add(0, DAYS, "must add up to 1 to 366 days per school and year");
                    }
                    out.add(new SchoolCalendar(key.get(0), key.get(1), total));
                });
        return out;
    }

    private static Integer integer(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
