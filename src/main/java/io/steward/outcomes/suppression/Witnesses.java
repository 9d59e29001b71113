package io.steward.outcomes.suppression;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Proves that a suppressed cell is protected by building other tables that publish exactly the same
 * thing: if the true fine table can be moved so that the cell rises by {@code u} and, in another
 * move, falls by {@code d}, while every shown cell keeps its count, every fine cell stays
 * non-negative and every suppressed cell of a table known non-empty stays at least one, then no
 * attacker can narrow the cell to a range smaller than {@code u + d}. The answer is a lower bound
 * on the attacker's range, so a cell it certifies is safe whatever the attacker solves. Moves only
 * change fine cells under present published cells, so the tables they build hold every empty cell
 * at zero: they publish the same as the true table even to an attacker who knew the empty cells.
 *
 * <p>A move is a hypercube in the fine table: pick dimensions of the cell's table to flip, an
 * alternative value on each, and a fine cell under the cell as the anchor; the corners alternate in
 * sign. A table that sums over a flipped dimension sees no change; a table that keeps every flipped
 * dimension sees its corners change, so they must all be present and suppressed (an empty corner
 * would have to fall below zero or rise from a cell held at zero). Flipping no dimension adds units
 * to one fine cell: allowed only when every cell above it is suppressed, and then the cell's range
 * is open.
 *
 * <p>Anchors are the fine cells under the cell that hold units, largest first, and, when those do
 * not prove enough, empty fine cells under it whose every published cell holds units: the attacker
 * cannot tell those are empty, and as an anchor that rises such a cell only gains units while the
 * cells that fall hold them. Alternatives whose single flip would land on an empty published cell
 * are tried last, since no move from the anchor can use them.
 */
final class Witnesses {

    static final long OPEN = Budget.OPEN;
    private static final int ANCHORS = 64;
    private static final int VALUES = 8;
    private static final int ANCHORS_FOR_REPAIR = 16;
    private static final int VALUES_FOR_REPAIR = 5;

    private final FineTable table;
    private final Moves moves;

    Witnesses(FineTable table, Set<CellKey> suppressed) {
        this.table = table;
        this.moves = new Moves(table, suppressed);
    }

    /** A lower bound on the range of suppressed {@code cell}; stops once it reaches need. */
    long protection(CellKey cell, long need) {
        List<int[]> anchors = anchors(cell, ANCHORS);
        long found = protection(cell, need, anchors);
        if (found >= need) {
            return found;
        }
        // Units can also move into empty fine cells the attacker cannot tell are empty: as an
        // anchor that rises, such a cell only ever rises, and the cells that fall hold units.
        List<int[]> more = new ArrayList<>(anchors);
        more.addAll(table.emptyUnder(cell, ANCHORS));
        return more.size() == anchors.size() ? found : protection(cell, need, more);
    }

    private long protection(CellKey cell, long need, List<int[]> anchors) {
        Budget rise = new Budget(table);
        Budget fall = new Budget(table);
        for (int[] flips : moves.flipSets(cell.mask())) {
            for (int[] alt : moves.alternatives(cell, anchors.get(0), flips, true, VALUES)) {
                if (!moves.cornersUsable(cell, anchors.get(0), flips, alt, true)) {
                    continue;
                }
                for (int[] anchor : anchors) {
                    Moves.Move move = moves.build(anchor, flips, alt);
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
     * The shown cells whose suppression best unblocks moves for {@code cell}: least cost (the
     * square root of each cell's count) per unit of the missing range gained, over one choice of
     * flips and alternatives and its first anchors (largest first), taken until they make up what
     * is missing. Flipping nothing is always possible, so there is always an answer.
     */
    List<CellKey> repair(CellKey cell, long missing) {
        Set<CellKey> best = null;
        double bestScore = Double.MAX_VALUE;
        List<int[]> anchors = anchors(cell, ANCHORS_FOR_REPAIR);
        for (int[] flips : moves.flipSets(cell.mask())) {
            for (int[] alt :
                    moves.alternatives(cell, anchors.get(0), flips, false, VALUES_FOR_REPAIR)) {
                if (!moves.cornersUsable(cell, anchors.get(0), flips, alt, false)) {
                    continue;
                }
                Set<CellKey> blocking = new java.util.TreeSet<>();
                Budget rise = new Budget(table);
                Budget fall = new Budget(table);
                double cost = 0;
                for (int[] anchor : anchors) {
                    Moves.Move move = moves.build(anchor, flips, alt);
                    if (move == null) {
                        continue;
                    }
                    for (CellKey key : move.blocking()) {
                        if (blocking.add(key)) {
                            cost += Math.sqrt(table.counts.get(key));
                        }
                    }
                    rise.take(move.oddFine(), move.oddCells());
                    fall.take(move.evenFine(), move.evenCells());
                    long gain = saturatedSum(rise.total, fall.total);
                    if (blocking.isEmpty() || gain <= 0) {
                        continue;
                    }
                    double score = cost / Math.min(gain, missing);
                    if (score < bestScore) {
                        bestScore = score;
                        best = new java.util.TreeSet<>(blocking);
                    }
                    if (gain >= missing) {
                        break;
                    }
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

    private static long saturatedSum(long a, long b) {
        return a == OPEN || b == OPEN ? OPEN : a + b;
    }
}
