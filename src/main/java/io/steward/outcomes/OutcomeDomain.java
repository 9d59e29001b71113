package io.steward.outcomes;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The public values of each dimension that a grouping lists, whether or not any youth has them, so
 * that a listed cell never tells that it is non-empty: the fixed grade levels and dosage bands, the
 * provider organizations, the programs running in the period (of the filtered provider) and the
 * school codes of all participants held (see {@link OutcomeDomains}).
 */
record OutcomeDomain(List<String> providers, List<ProgramRef> programs, List<String> schools) {

    /** A program and its provider's code. */
    record ProgramRef(UUID id, String providerCode) {}

    /** Grade levels as participants record them: PK, K, 1 to 12. */
    static final List<String> GRADES =
            List.of("PK", "K", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");

    /** Dosage bands of program days, as {@link CohortSql} labels them. */
    static final List<String> BANDS = List.of("0-29", "30-59", "60+");

    /** The values listed for one requested dimension, in answer order. */
    List<?> values(Dimension dimension) {
        return switch (dimension) {
            case PROVIDER -> providers;
            case PROGRAM -> programs;
            case GRADE_LEVEL -> GRADES;
            case SCHOOL_CODE -> schools;
            case DOSAGE_BAND -> BANDS;
        };
    }

    /**
     * How many cells a grouping lists: the product of its dimensions' domains, where a program
     * grouped with providers pairs only with its own provider (so the provider adds no factor).
     */
    long cellCount(List<Dimension> groupBy) {
        boolean nested = nested(groupBy);
        long count = 1;
        for (Dimension dimension : groupBy) {
            if (!(nested && dimension == Dimension.PROVIDER)) {
                count *= values(dimension).size();
            }
        }
        return count;
    }

    /**
     * Every listed combination, the first dimension varying slowest. A program belongs to one
     * provider, which is public, so provider and program together list only the program's own
     * provider: any other pairing is empty by construction and tells nothing.
     */
    List<List<Object>> combinations(List<Dimension> groupBy) {
        List<List<Object>> out = new ArrayList<>();
        out.add(List.of());
        for (Dimension dimension : groupBy) {
            List<List<Object>> next = new ArrayList<>();
            for (List<Object> prefix : out) {
                for (Object value : values(dimension)) {
                    List<Object> combination = new ArrayList<>(prefix);
                    combination.add(value);
                    next.add(combination);
                }
            }
            out = next;
        }
        if (nested(groupBy)) {
            int provider = groupBy.indexOf(Dimension.PROVIDER);
            int program = groupBy.indexOf(Dimension.PROGRAM);
            out.removeIf(
                    c -> !((ProgramRef) c.get(program)).providerCode().equals(c.get(provider)));
        }
        return out;
    }

    private static boolean nested(List<Dimension> groupBy) {
        return groupBy.contains(Dimension.PROVIDER) && groupBy.contains(Dimension.PROGRAM);
    }
}
