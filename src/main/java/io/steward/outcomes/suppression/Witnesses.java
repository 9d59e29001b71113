package io.steward.outcomes.suppression;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Proves that a suppressed cell is protected by building other tables that publish exactly the same
 * thing: if the true fine table can be moved so that the cell rises by {@code u} and, in another
 * move, falls by {@code d}, while every shown cell keeps its count, every suppressed cell stays at
 * least one and every fine cell stays non-negative, then no attacker can narrow the cell to a range
 * smaller than {@code u + d}. The answer is a lower bound on the attacker's range, so a cell it
 * certifies is safe whatever the attacker solves.
 *
 * <p>A move is a hypercube in the fine table: pick dimensions of the cell's table to flip, an
 * alternative value on each, and a fine cell under the cell as the anchor; the corners alternate in
 * sign. A table that sums over a flipped dimension sees no change; a table that keeps every flipped
 * dimension sees its corners change, so they must all be present and suppressed. Flipping no
 * dimension adds units to one fine cell: allowed only when every cell above it is suppressed, and
 * then the cell's range is open.
 */
final class Witnesses {

    /** One move: cells that fall and rise with the anchor, and shown cells that block it. */
    record Move(
            List<CellKey> evenFine,
            List<CellKey> oddFine,
            List<CellKey> evenCells,
            List<CellKey> oddCells,
            List<CellKey> blocking) {}

    static final long OPEN = Long.MAX_VALUE;
    private static final int ANCHORS = 64;
    private static final int VALUES = 8;
    private static final int ANCHORS_FOR_REPAIR = 16;
    private static final int VALUES_FOR_REPAIR = 5;

    private final FineTable table;
    private final Set<CellKey> suppressed;
    private final Lattice lattice;

    Witnesses(FineTable table, Set<CellKey> suppressed) {
        this.table = table;
        this.suppressed = suppressed;
        this.lattice = table.lattice;
    }

    /** A lower bound on the range of suppressed {@code cell}; stops once it reaches need. */
    long protection(CellKey cell, long need) {
        Budget rise = new Budget();
        Budget fall = new Budget();
        List<int[]> anchors = anchors(cell, ANCHORS);
        for (int[] flips : flipSets(cell.mask())) {
            for (int[] alt : alternatives(cell, anchors.get(0), flips, true, VALUES)) {
                if (!cornersUsable(cell, anchors.get(0), flips, alt, true)) {
                    continue;
                }
                for (int[] anchor : anchors) {
                    Move move = build(anchor, flips, alt);
                    if (move == null || !move.blocking().isEmpty()) {
                        continue;
                    }
                    rise.take(move.oddFine(), move.oddCells());
                    fall.take(move.evenFine(), move.evenCells());
                    if (rise.total == OPEN) {
                        return OPEN;
                    }
                    if (rise.total + fall.total >= need) {
                        return rise.total + fall.total;
                    }
                }
            }
        }
        return rise.total + fall.total;
    }

    /**
     * The shown cells whose suppression best unblocks moves for {@code cell}: fewest cells per unit
     * of range gained, over one choice of flips and alternatives and all its anchors. Flipping
     * nothing is always possible, so there is always an answer.
     */
    List<CellKey> repair(CellKey cell, long missing) {
        Set<CellKey> best = null;
        double bestScore = Double.MAX_VALUE;
        List<int[]> anchors = anchors(cell, ANCHORS_FOR_REPAIR);
        for (int[] flips : flipSets(cell.mask())) {
            for (int[] alt : alternatives(cell, anchors.get(0), flips, false, VALUES_FOR_REPAIR)) {
                if (!cornersUsable(cell, anchors.get(0), flips, alt, false)) {
                    continue;
                }
                Set<CellKey> blocking = new java.util.TreeSet<>();
                Budget rise = new Budget();
                Budget fall = new Budget();
                for (int[] anchor : anchors) {
                    Move move = build(anchor, flips, alt);
                    if (move != null) {
                        blocking.addAll(move.blocking());
                        rise.take(move.oddFine(), move.oddCells());
                        fall.take(move.evenFine(), move.evenCells());
                    }
                }
                long gain = saturatedSum(rise.total, fall.total);
                if (blocking.isEmpty() || gain <= 0) {
                    continue;
                }
                double cost = 0;
                for (CellKey key : blocking) {
                    cost += Math.sqrt(table.counts.get(key));
                }
                double score = cost / Math.min(gain, missing);
                if (score < bestScore) {
                    bestScore = score;
                    best = blocking;
                }
            }
        }
        if (best == null) {
            throw new IllegalStateException("no move can protect a suppressed cell");
        }
        return List.copyOf(best);
    }

    private List<int[]> anchors(CellKey cell, int limit) {
        List<int[]> anchors = table.under(cell);
        if (anchors.isEmpty()) {
            throw new IllegalArgumentException("cell is not present");
        }
        return anchors.subList(0, Math.min(limit, anchors.size()));
    }

    /** Whether the corners of the move in the cell's own table are present (and suppressed). */
    private boolean cornersUsable(
            CellKey cell, int[] anchor, int[] flips, int[] alt, boolean strict) {
        for (int corner = 1; corner < 1 << flips.length; corner++) {
            int[] coords = anchor;
            for (int i = 0; i < flips.length; i++) {
                if ((corner >> i & 1) == 1) {
                    coords = flip(coords, flips[i], alt[i], lattice.parentOf(flips[i]));
                }
            }
            CellKey key = CellKey.project(coords, cell.mask());
            if (!table.counts.containsKey(key) || (strict && !suppressed.contains(key))) {
                return false;
            }
        }
        return true;
    }

    private static long saturatedSum(long a, long b) {
        return a == OPEN || b == OPEN ? OPEN : a + b;
    }

    /** Subsets of the dimensions a cell of this table can be flipped on, largest first. */
    private List<int[]> flipSets(int mask) {
        int flippable = 0;
        for (int d = 0; d < lattice.dimensions(); d++) {
            int parent = lattice.parentOf(d);
            boolean kept = (mask & (1 << d)) != 0 || (parent >= 0 && (mask & (1 << parent)) != 0);
            if (kept && !lattice.isParent(d)) {
                flippable |= 1 << d;
            }
        }
        List<int[]> sets = new ArrayList<>();
        for (int size = Integer.bitCount(flippable); size >= 0; size--) {
            for (int subset = flippable; ; subset = (subset - 1) & flippable) {
                if (Integer.bitCount(subset) == size) {
                    sets.add(bits(subset));
                }
                if (subset == 0) {
                    break;
                }
            }
        }
        return sets;
    }

    private static int[] bits(int set) {
        int[] dims = new int[Integer.bitCount(set)];
        for (int d = 0, i = 0; set >> d != 0; d++) {
            if ((set & (1 << d)) != 0) {
                dims[i++] = d;
            }
        }
        return dims;
    }

    /** Alternative values per flipped dimension whose single flip lands on a usable cell. */
    private List<int[]> alternatives(
            CellKey cell, int[] anchor, int[] flips, boolean strict, int perDimension) {
        List<List<Integer>> choices = new ArrayList<>();
        for (int d : flips) {
            List<Integer> values = new ArrayList<>();
            int parent = lattice.parentOf(d);
            boolean viaParent = (cell.mask() & (1 << d)) == 0;
            for (int v : table.domain[d]) {
                if (v == anchor[d]) {
                    continue;
                }
                if (viaParent && table.owner(d, v) == table.owner(d, anchor[d])) {
                    continue;
                }
                CellKey corner = CellKey.project(flip(anchor, d, v, parent), cell.mask());
                if (!table.counts.containsKey(corner)) {
                    continue;
                }
                if (strict && !suppressed.contains(corner)) {
                    continue;
                }
                values.add(v);
            }
            if (values.size() > perDimension) {
                values.sort(
                        (a, b) -> {
                            CellKey ka = CellKey.project(flip(anchor, d, a, parent), cell.mask());
                            CellKey kb = CellKey.project(flip(anchor, d, b, parent), cell.mask());
                            int bySuppressed =
                                    Boolean.compare(
                                            suppressed.contains(kb), suppressed.contains(ka));
                            return bySuppressed != 0
                                    ? bySuppressed
                                    : Long.compare(table.counts.get(kb), table.counts.get(ka));
                        });
                values = values.subList(0, Math.min(perDimension, values.size()));
            }
            if (values.isEmpty()) {
                return List.of();
            }
            choices.add(values);
        }
        List<int[]> combos = new ArrayList<>();
        product(choices, new int[flips.length], 0, combos);
        return combos;
    }

    private static void product(List<List<Integer>> choices, int[] pick, int i, List<int[]> out) {
        if (i == choices.size()) {
            out.add(pick.clone());
            return;
        }
        for (int v : choices.get(i)) {
            pick[i] = v;
            product(choices, pick, i + 1, out);
        }
    }

    private int[] flip(int[] coords, int d, int v, int parent) {
        int[] flipped = coords.clone();
        flipped[d] = v;
        if (parent >= 0) {
            flipped[parent] = table.owner(d, v);
        }
        return flipped;
    }

    /** The move, or null when a cell it would change is absent (a published zero). */
    Move build(int[] anchor, int[] flips, int[] alt) {
        int corners = 1 << flips.length;
        int[][] fine = new int[corners][];
        Move move =
                new Move(
                        new ArrayList<>(),
                        new ArrayList<>(),
                        new ArrayList<>(),
                        new ArrayList<>(),
                        new ArrayList<>());
        for (int corner = 0; corner < corners; corner++) {
            int[] coords = anchor;
            for (int i = 0; i < flips.length; i++) {
                if ((corner >> i & 1) == 1) {
                    coords = flip(coords, flips[i], alt[i], lattice.parentOf(flips[i]));
                }
            }
            fine[corner] = coords;
            boolean even = Integer.bitCount(corner) % 2 == 0;
            (even ? move.evenFine() : move.oddFine()).add(CellKey.project(coords, table.full));
        }
        for (int mask : lattice.masks()) {
            if (!affected(mask, anchor, flips, alt)) {
                continue;
            }
            for (int corner = 0; corner < corners; corner++) {
                CellKey key = CellKey.project(fine[corner], mask);
                if (!table.counts.containsKey(key)) {
                    return null;
                }
                boolean even = Integer.bitCount(corner) % 2 == 0;
                (even ? move.evenCells() : move.oddCells()).add(key);
                if (!suppressed.contains(key)) {
                    move.blocking().add(key);
                }
            }
        }
        return move;
    }

    /** Whether a table keeps every flip apart, so the move changes its corner cells. */
    private boolean affected(int mask, int[] anchor, int[] flips, int[] alt) {
        for (int i = 0; i < flips.length; i++) {
            int d = flips[i];
            if ((mask & (1 << d)) != 0) {
                continue;
            }
            int parent = lattice.parentOf(d);
            boolean apart =
                    parent >= 0
                            && (mask & (1 << parent)) != 0
                            && table.owner(d, alt[i]) != table.owner(d, anchor[d]);
            if (!apart) {
                return false;
            }
        }
        return true;
    }

    /** Units already taken from each cell by accepted moves in one direction. */
    private final class Budget {
        final Map<CellKey, Long> usedFine = new HashMap<>();
        final Map<CellKey, Long> usedCells = new HashMap<>();
        long total;

        /** How far a move can go: falling fine cells stay >= 0, falling cells stay >= 1. */
        long capacity(List<CellKey> fallingFine, List<CellKey> fallingCells) {
            long capacity = OPEN;
            for (CellKey key : fallingFine) {
                long left = table.fine.getOrDefault(key, 0L) - usedFine.getOrDefault(key, 0L);
                capacity = Math.min(capacity, left);
            }
            for (CellKey key : fallingCells) {
                long left = table.counts.get(key) - 1 - usedCells.getOrDefault(key, 0L);
                capacity = Math.min(capacity, left);
            }
            return Math.max(capacity, 0);
        }

        void take(List<CellKey> fallingFine, List<CellKey> fallingCells) {
            if (total == OPEN) {
                return;
            }
            long step = capacity(fallingFine, fallingCells);
            if (step == OPEN) {
                total = OPEN;
                return;
            }
            for (CellKey key : fallingFine) {
                usedFine.merge(key, step, Long::sum);
            }
            for (CellKey key : fallingCells) {
                usedCells.merge(key, step, Long::sum);
            }
            total += step;
        }
    }
}
