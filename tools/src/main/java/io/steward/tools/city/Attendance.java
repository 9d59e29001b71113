package io.steward.tools.city;

import java.time.LocalDate;

/** Minutes a youth spent in a program on one day. */
public record Attendance(String programKey, String youthKey, LocalDate date, int minutes) {}
