package io.steward.outcomes.suppression;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Hypercube moves in the fine table: pick dimensions to flip, an alternative value on each and an
 * anchor fine cell; the corners alternate in sign. A table that sums over a flipped dimension sees
 * no change; a table that keeps every flipped dimension apart sees its corners change.
 */
final class Moves {

    /** Cells that fall and rise with the anchor, and shown cells that block the move. */
    record Move(
            List<CellKey> evenFine,
            List<CellKey> oddFine,
            List<CellKey> evenCells,
            List<CellKey> oddCells,
            List<CellKey> blocking) {}

    private final FineTable table;
    private final Set<CellKey> suppressed;
    private final Lattice lattice;

    Moves(FineTable table, Set<CellKey> suppressed) {
        this.table = table;
        this.suppressed = suppressed;
        this.lattice = table.lattice;
    }

    /** Whether the corners of the move in the cell's own table are present (and suppressed). */
    boolean cornersUsable(CellKey cell, int[] anchor, int[] flips, int[] alt, boolean strict) {
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

    /** Subsets of the dimensions a cell of this table can be flipped on, largest first. */
    List<int[]> flipSets(int mask) {
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
    List<int[]> alternatives(
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
                            int byLanding =
                                    Boolean.compare(
                                            landsEverywhere(anchor, d, b),
                                            landsEverywhere(anchor, d, a));
                            if (byLanding != 0) {
                                return byLanding;
                            }
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

    /**
     * Whether flipping dimension {@code d} of the anchor to {@code v} lands on a present cell in
     * every table that sees the flip. When it does not, no move with that flip can be built from
     * this anchor (an empty corner is held at zero), so such values are tried last.
     */
    private boolean landsEverywhere(int[] anchor, int d, int v) {
        int[] flipped = flip(anchor, d, v, lattice.parentOf(d));
        int[] flips = {d};
        int[] alt = {v};
        for (int mask : lattice.masks()) {
            if (affected(mask, anchor, flips, alt)
                    && !table.counts.containsKey(CellKey.project(flipped, mask))) {
                return false;
            }
        }
        return true;
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

    /** The move, or null when a cell it would change is empty (held at zero; see Suppressor). */
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
}
