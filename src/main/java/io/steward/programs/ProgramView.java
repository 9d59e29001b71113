package io.steward.programs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A program as the API shows it. */
public record ProgramView(
        UUID id,
        String providerCode,
        String name,
        String site,
        LocalDate startDate,
        LocalDate endDate,
        Integer capacity,
        Instant createdAt) {

    static ProgramView of(Program program) {
        return new ProgramView(
                program.id,
                program.provider.code,
                program.name,
                program.site,
                program.startDate,
                program.endDate,
                program.capacity,
                program.createdAt);
    }
}
