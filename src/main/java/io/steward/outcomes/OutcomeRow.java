package io.steward.outcomes;

import java.util.UUID;

/**
 * One cell of the finest cross-classification, as SQL returns it: the number of youth in it and the
 * sum of their values (program days, attendance rates or shares proficient).
 */
public record OutcomeRow(
        String providerCode,
        UUID programId,
        String gradeLevel,
        String schoolCode,
        String dosageBand,
        long n,
        double sum) {

    static OutcomeRow of(Object[] row) {
        return new OutcomeRow(
                (String) row[0],
                (UUID) row[1],
                (String) row[2],
                (String) row[3],
                (String) row[4],
                ((Number) row[5]).longValue(),
                ((Number) row[6]).doubleValue());
    }
}
