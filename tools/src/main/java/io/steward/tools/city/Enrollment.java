package io.steward.tools.city;

import java.time.LocalDate;

/** A youth enrolled in a program from a date. */
public record Enrollment(String programKey, String youthKey, LocalDate startDate) {}
