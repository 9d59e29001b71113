package io.steward.outcomes;

import io.steward.outcomes.suppression.Lattice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The dimensions outcomes can be grouped by, in the order of the fine cross-classification. A
 * program belongs to one provider, so a table that keeps the program keeps its provider too.
 */
public enum Dimension {
    PROVIDER("provider"),
    PROGRAM("program"),
    GRADE_LEVEL("gradeLevel"),
    SCHOOL_CODE("schoolCode"),
    DOSAGE_BAND("dosageBand");

    /** The most dimensions one request may group by. */
    public static final int MAX_GROUP_BY = 2;

    private final String param;

    Dimension(String param) {
        this.param = param;
    }

    public String param() {
        return param;
    }

    public int bit() {
        return 1 << ordinal();
    }

    public static Optional<Dimension> ofParam(String text) {
        for (Dimension dimension : values()) {
            if (dimension.param.equals(text)) {
                return Optional.of(dimension);
            }
        }
        return Optional.empty();
    }

    /** The table a grouping reads: its dimensions, plus the provider of a program. */
    public static int mask(List<Dimension> groupBy) {
        int mask = 0;
        for (Dimension dimension : groupBy) {
            mask |= dimension.bit();
        }
        return (mask & PROGRAM.bit()) != 0 ? mask | PROVIDER.bit() : mask;
    }

    /**
     * Every table a caller can be served for one school year: any grouping by at most two
     * dimensions, where a program counts as one dimension with its provider. A provider filter is a
     * slice of the provider dimension, so it is served only where the table keeps the provider:
     * with a filter, a grouping may add at most one dimension to the provider.
     */
    public static List<Integer> publishedMasks() {
        int student = GRADE_LEVEL.bit() | SCHOOL_CODE.bit() | DOSAGE_BAND.bit();
        int[] owners = {0, PROVIDER.bit(), PROVIDER.bit() | PROGRAM.bit()};
        List<Integer> masks = new ArrayList<>();
        for (int part = 0; part <= student; part++) {
            if ((part & ~student) != 0) {
                continue;
            }
            for (int owner : owners) {
                int size = Integer.bitCount(part) + (owner == 0 ? 0 : 1);
                if (size <= MAX_GROUP_BY) {
                    masks.add(owner | part);
                }
            }
        }
        return masks;
    }

    /**
     * The lattice of {@link #publishedMasks()}, with each program nested in its provider. The
     * school table is known non-empty: its domain is the school codes participants hold (see {@link
     * OutcomeDomains}), so the attacker may know a listed school that holds youth holds at least
     * one.
     */
    public static Lattice lattice() {
        return Lattice.nested(
                        values().length, publishedMasks(), PROGRAM.ordinal(), PROVIDER.ordinal())
                .withKnownNonEmpty(List.of(SCHOOL_CODE.bit()));
    }
}
