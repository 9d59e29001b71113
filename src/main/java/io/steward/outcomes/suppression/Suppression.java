package io.steward.outcomes.suppression;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A suppression pattern over every table of a lattice: the count of each present cell and which
 * cells must not be shown. Absent cells have no units; fewer than the minimum, they are suppressed
 * too ({@link #isSuppressed} answers true), so a publisher can list every cell of a public domain
 * without showing which are empty.
 */
public final class Suppression {

    private final Lattice lattice;
    private final int minimum;
    private final Map<CellKey, Long> counts;
    private final Set<CellKey> suppressed;

    Suppression(Lattice lattice, int minimum, Map<CellKey, Long> counts, Set<CellKey> suppressed) {
        this.lattice = lattice;
        this.minimum = minimum;
        this.counts = Collections.unmodifiableMap(counts);
        this.suppressed = Collections.unmodifiableSet(suppressed);
    }

    public Lattice lattice() {
        return lattice;
    }

    public int minimum() {
        return minimum;
    }

    /** The present cells of one published table, in key order. */
    public List<CellKey> cells(int mask) {
        if (!lattice.publishes(mask)) {
            throw new IllegalArgumentException("table is not published");
        }
        List<CellKey> cells = new ArrayList<>();
        for (CellKey key : counts.keySet()) {
            if (key.mask() == mask) {
                cells.add(key);
            }
        }
        Collections.sort(cells);
        return cells;
    }

    /** The true count of a cell (zero when absent). Never publish it for a suppressed cell. */
    public long count(CellKey key) {
        return counts.getOrDefault(key, 0L);
    }

    /** Whether the cell must not be shown: a suppressed present cell, or any empty cell. */
    public boolean isSuppressed(CellKey key) {
        return suppressed.contains(key) || !counts.containsKey(key);
    }

    public Set<CellKey> suppressed() {
        return suppressed;
    }

    public Map<CellKey, Long> counts() {
        return counts;
    }
}
