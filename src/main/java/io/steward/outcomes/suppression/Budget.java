package io.steward.outcomes.suppression;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Units already taken from each cell by the moves accepted in one direction. */
final class Budget {

    static final long OPEN = Long.MAX_VALUE;

    private final FineTable table;
    private final Map<CellKey, Long> usedFine = new HashMap<>();
    private final Map<CellKey, Long> usedCells = new HashMap<>();
    long total;

    Budget(FineTable table) {
        this.table = table;
    }

    /**
     * How far a move can go: falling fine cells stay >= 0, and falling cells of a table the
     * attacker knows to be non-empty stay >= 1 (other cells are sums of fine cells, so they stay >=
     * 0).
     */
    long capacity(List<CellKey> fallingFine, List<CellKey> fallingCells) {
        long capacity = OPEN;
        for (CellKey key : fallingFine) {
            long left = table.fine.getOrDefault(key, 0L) - usedFine.getOrDefault(key, 0L);
            capacity = Math.min(capacity, left);
        }
        for (CellKey key : fallingCells) {
            long floor = table.lattice.floor(key.mask());
            if (floor == 0) {
                continue;
            }
            long left = table.counts.get(key) - floor - usedCells.getOrDefault(key, 0L);
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
