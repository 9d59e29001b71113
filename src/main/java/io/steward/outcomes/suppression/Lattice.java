package io.steward.outcomes.suppression;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The tables that are published from one fine cross-classification, each named by its dimension
 * mask, and the additive relations among them: a table whose mask has one dimension more than
 * another splits each of the other's cells into parts that sum to it.
 *
 * <p>Every table any caller could be served for the same data must be in the lattice, so that one
 * suppression pattern covers them all and no table can be subtracted from another.
 *
 * <p>Tables list every cell of their public domain, empty or not, so an attacker knows only that a
 * suppressed cell is at least zero. A table whose domain is drawn from data that may hold the same
 * units (schools of the participants) can tell the attacker that each of its non-empty cells holds
 * at least one unit; such tables are marked {@link #knownNonEmpty(int)}.
 */
public final class Lattice {

    /** Parent table and child table; the child keeps one dimension more. */
    public record Relation(int parentMask, int childMask) {}

    private final int dimensions;
    private final List<Integer> masks;
    private final List<Relation> relations;
    private final int[] parentOf;
    private final List<Integer> nonEmpty;

    private Lattice(
            int dimensions,
            List<Integer> masks,
            List<Relation> relations,
            int[] parentOf,
            List<Integer> nonEmpty) {
        this.dimensions = dimensions;
        this.masks = masks;
        this.relations = relations;
        this.parentOf = parentOf;
        this.nonEmpty = nonEmpty;
    }

    /** A lattice over {@code dimensions} independent dimensions publishing exactly these tables. */
    public static Lattice of(int dimensions, Iterable<Integer> published) {
        return nested(dimensions, published, -1, -1);
    }

    /**
     * A lattice in which each value of dimension {@code child} lies in exactly one value of
     * dimension {@code parent} (a program in its provider). Every table keeping the child keeps the
     * parent too.
     */
    public static Lattice nested(
            int dimensions, Iterable<Integer> published, int child, int parent) {
        if (dimensions < 1 || dimensions > 30) {
            throw new IllegalArgumentException("dimensions must be 1..30");
        }
        TreeSet<Integer> sorted = new TreeSet<>();
        for (int mask : published) {
            if (mask < 0 || mask >= (1 << dimensions)) {
                throw new IllegalArgumentException("mask out of range");
            }
            sorted.add(mask);
        }
        int[] parentOf = new int[dimensions];
        java.util.Arrays.fill(parentOf, -1);
        if (child >= 0) {
            if (child == parent || child >= dimensions || parent < 0 || parent >= dimensions) {
                throw new IllegalArgumentException("bad nesting");
            }
            parentOf[child] = parent;
            for (int mask : sorted) {
                if ((mask & (1 << child)) != 0 && (mask & (1 << parent)) == 0) {
                    throw new IllegalArgumentException(
                            "a table keeping the child must keep the parent");
                }
            }
        }
        List<Relation> relations = new ArrayList<>();
        for (int low : sorted) {
            for (int high : sorted) {
                if ((high & low) == low && Integer.bitCount(high ^ low) == 1) {
                    relations.add(new Relation(low, high));
                }
            }
        }
        return new Lattice(
                dimensions, List.copyOf(sorted), List.copyOf(relations), parentOf, List.of());
    }

    /**
     * This lattice, where the attacker may know that every non-empty cell of these tables holds at
     * least one unit (the domain of one of their values is drawn from data).
     */
    public Lattice withKnownNonEmpty(Iterable<Integer> tables) {
        List<Integer> marked = new ArrayList<>();
        for (int mask : tables) {
            if (!masks.contains(mask)) {
                throw new IllegalArgumentException("table is not published");
            }
            marked.add(mask);
        }
        return new Lattice(dimensions, masks, relations, parentOf, List.copyOf(marked));
    }

    /** Whether the attacker may know that each non-empty cell of this table is at least one. */
    public boolean knownNonEmpty(int mask) {
        return nonEmpty.contains(mask);
    }

    /** The least count the attacker may know a non-empty cell of this table holds: 1 or 0. */
    public long floor(int mask) {
        return knownNonEmpty(mask) ? 1 : 0;
    }

    public int dimensions() {
        return dimensions;
    }

    public List<Integer> masks() {
        return masks;
    }

    public List<Relation> relations() {
        return relations;
    }

    /** The dimension that dimension {@code d} is nested in, or -1. */
    public int parentOf(int d) {
        return parentOf[d];
    }

    /** Whether some dimension is nested in {@code d}, so that {@code d} follows from it. */
    public boolean isParent(int d) {
        for (int p : parentOf) {
            if (p == d) {
                return true;
            }
        }
        return false;
    }

    public boolean publishes(int mask) {
        return masks.contains(mask);
    }
}
