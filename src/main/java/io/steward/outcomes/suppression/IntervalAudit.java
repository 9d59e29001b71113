package io.steward.outcomes.suppression;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bounds each suppressed cell by propagating intervals through the family sums until they stop
 * shrinking: a shown cell is its count, a suppressed cell starts at its floor (zero, or one in a
 * table the attacker knows to be non-empty; see {@link Lattice#floor}) and unbounded, and each sum
 * narrows its parts and its total. The bounds are outer bounds: the attacker's real range may be
 * narrower, so a cell this audit finds too narrow is certainly exposed, while a cell it passes is
 * not proved safe. Used for tables too large for {@link RangeAudit}.
 */
final class IntervalAudit {

    private static final int ROUNDS = 60;
    private static final long OPEN = Long.MAX_VALUE / 4;

    private final Map<CellKey, long[]> bounds = new HashMap<>();

    IntervalAudit(
            Lattice lattice,
            Map<CellKey, Long> counts,
            Set<CellKey> suppressed,
            List<Family> families) {
        counts.forEach(
                (cell, n) ->
                        bounds.put(
                                cell,
                                suppressed.contains(cell)
                                        ? new long[] {lattice.floor(cell.mask()), OPEN}
                                        : new long[] {n, n}));
        for (int round = 0; round < ROUNDS; round++) {
            boolean changed = false;
            for (Family family : families) {
                changed |= tighten(family);
            }
            if (!changed) {
                break;
            }
        }
    }

    /** The width of a cell's bounds; at least OPEN / 2 means unbounded. */
    long width(CellKey cell) {
        long[] b = bounds.get(cell);
        return b[1] >= OPEN ? Long.MAX_VALUE : b[1] - b[0];
    }

    private boolean tighten(Family family) {
        long lo = 0;
        long hi = 0;
        for (CellKey child : family.children()) {
            long[] b = bounds.get(child);
            lo += b[0];
            hi = Math.min(OPEN, hi + b[1]);
        }
        long[] parent = bounds.get(family.parent());
        boolean changed = narrow(parent, lo, hi);
        for (CellKey child : family.children()) {
            long[] b = bounds.get(child);
            long othersLo = lo - b[0];
            long othersHi = hi >= OPEN ? OPEN : hi - b[1];
            long childLo = othersHi >= OPEN ? 0 : parent[0] - othersHi;
            long childHi = parent[1] >= OPEN ? OPEN : parent[1] - othersLo;
            changed |= narrow(b, childLo, childHi);
        }
        return changed;
    }

    private static boolean narrow(long[] b, long lo, long hi) {
        boolean changed = false;
        if (lo > b[0]) {
            b[0] = lo;
            changed = true;
        }
        if (hi < b[1]) {
            b[1] = hi;
            changed = true;
        }
        return changed;
    }
}
