package io.steward.tools.city;

import java.time.LocalDate;

/** A program of a provider; {@code key} names it inside a generated city before it has an id. */
public record Program(
        String key,
        String providerCode,
        String name,
        String site,
        LocalDate startDate,
        LocalDate endDate,
        Integer capacity) {}
