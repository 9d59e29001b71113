package io.steward.attendance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A stored attendance record of the program of the path. */
public record AttendanceView(UUID participantId, LocalDate date, int minutes, Instant updatedAt) {

    /** The answer to an upsert: how many entries were written. */
    public record Written(int upserted) {}
}
