package io.steward.attendance;

import io.steward.common.ApiException;
import io.steward.common.FieldError;
import io.steward.programs.Program;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks an attendance body before anything is written: every entry whole, minutes from 0 to 1440,
 * dates within the program, no (participantId, date) twice. Errors name the entry by its index.
 */
final class AttendanceBatch {

    static final int MAX_ENTRIES = 5000;
    static final int MAX_ERRORS = 100;

    private AttendanceBatch() {}

    static void check(List<AttendanceEntry> entries, Program program) {
        if (entries == null || entries.isEmpty()) {
            throw ApiException.invalid("body", "must hold at least one entry");
        }
        if (entries.size() > MAX_ENTRIES) {
            throw ApiException.invalid("body", "must hold at most " + MAX_ENTRIES + " entries");
        }
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < entries.size() && errors.size() < MAX_ERRORS; i++) {
            AttendanceEntry entry = entries.get(i);
            String at = "[" + i + "]";
            if (entry == null) {
                errors.add(FieldError.field(at, "must be an object"));
                continue;
            }
            if (entry.participantId() == null) {
                errors.add(FieldError.field(at + ".participantId", "is required"));
            }
            if (entry.date() == null) {
                errors.add(FieldError.field(at + ".date", "is required"));
            } else if (!program.covers(entry.date())) {
                errors.add(FieldError.field(at + ".date", "must be within the program's dates"));
            }
            if (entry.minutes() == null) {
                errors.add(FieldError.field(at + ".minutes", "is required"));
            } else if (entry.minutes() < 0 || entry.minutes() > 1440) {
                errors.add(FieldError.field(at + ".minutes", "must be from 0 to 1440"));
            }
            if (entry.participantId() != null && entry.date() != null) {
                Integer first = seen.putIfAbsent(entry.participantId() + "/" + entry.date(), i);
                if (first != null) {
                    errors.add(
                            FieldError.field(
                                    at + ".date",
                                    "repeats entry [" + first + "] for the same participant"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    /** Fails naming each entry whose youth was not enrolled in the program on its date. */
    static void requireEnrolled(List<Integer> notEnrolled) {
        if (notEnrolled.isEmpty()) {
            return;
        }
        List<FieldError> errors =
                notEnrolled.stream()
                        .limit(MAX_ERRORS)
                        .map(
                                i ->
                                        FieldError.field(
                                                "[" + i + "].participantId",
                                                "is not enrolled in this program on this date"))
                        .toList();
        throw ApiException.invalid(errors);
    }
}
