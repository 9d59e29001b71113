package io.steward.attendance;

import java.time.LocalDate;
import java.util.UUID;

/** Minutes a youth attended a program on one date; the key is (program, participant, date). */
public record AttendanceEntry(UUID participantId, LocalDate date, Integer minutes) {}
