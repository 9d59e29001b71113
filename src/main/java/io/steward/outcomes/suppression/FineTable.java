package io.steward.outcomes.suppression;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fine cross-classification and every published cell built from it, indexed for the suppression
 * rules: the count of each present cell, the fine cells under each published cell, the values seen
 * on each dimension, and the parent value of each nested value.
 */
final class FineTable {

    final Lattice lattice;
    final int full;
    final Map<CellKey, Long> counts = new HashMap<>();
    final Map<CellKey, Long> fine = new HashMap<>();
    final Map<CellKey, List<int[]>> under = new HashMap<>();
    final int[][] domain;
    private final List<Map<Integer, Integer>> owner = new ArrayList<>();

    FineTable(List<Fact> facts, Lattice lattice) {
        this.lattice = lattice;
        int dims = lattice.dimensions();
        this.full = (1 << dims) - 1;
        List<BitSet> values = new ArrayList<>();
        for (int d = 0; d < dims; d++) {
            values.add(new BitSet());
            owner.add(new HashMap<>());
        }
        for (Fact fact : facts) {
            int[] coords = fact.coords();
            if (coords.length != dims) {
                throw new IllegalArgumentException("fact has the wrong number of dimensions");
            }
            if (fact.n() == 0) {
                continue;
            }
            for (int d = 0; d < dims; d++) {
                if (coords[d] < 0) {
                    throw new IllegalArgumentException("value indexes must not be negative");
                }
                values.get(d).set(coords[d]);
                int parent = lattice.parentOf(d);
                if (parent >= 0) {
                    Integer known = owner.get(d).putIfAbsent(coords[d], coords[parent]);
                    if (known != null && known != coords[parent]) {
                        throw new IllegalArgumentException("a nested value has two parents");
                    }
                }
            }
            fine.merge(CellKey.project(coords, full), fact.n(), Long::sum);
        }
        aggregate();
        domain = new int[dims][];
        for (int d = 0; d < dims; d++) {
            domain[d] = values.get(d).stream().toArray();
        }
    }

    /**
     * Sums each published table from the smallest finer table already summed (the fine table for
     * the finest), finest first: coarse margins come from a few pair cells, not every fine cell.
     */
    private void aggregate() {
        List<Integer> masks = new ArrayList<>(lattice.masks());
        masks.sort((a, b) -> Integer.compare(Integer.bitCount(b), Integer.bitCount(a)));
        Map<Integer, Map<CellKey, Long>> tables = new HashMap<>();
        for (int mask : masks) {
            Map<CellKey, Long> source = fine;
            for (Map.Entry<Integer, Map<CellKey, Long>> done : tables.entrySet()) {
                boolean finer = (done.getKey() & mask) == mask;
                if (finer && done.getValue().size() < source.size()) {
                    source = done.getValue();
                }
            }
            Map<CellKey, Long> table = new HashMap<>();
            for (Map.Entry<CellKey, Long> cell : source.entrySet()) {
                table.merge(cell.getKey().project(mask), cell.getValue(), Long::sum);
            }
            tables.put(mask, table);
            counts.putAll(table);
        }
    }

    static int[] coords(CellKey key) {
        int[] coords = new int[key.dimensions()];
        for (int d = 0; d < coords.length; d++) {
            coords[d] = key.coord(d);
        }
        return coords;
    }

    long fineCount(int[] coords) {
        return fine.getOrDefault(CellKey.project(coords, full), 0L);
    }

    /** The parent value of value {@code v} of nested dimension {@code d}. */
    int owner(int d, int v) {
        return owner.get(d).get(v);
    }

    /** The fine cells under a published cell, largest first; indexed on first use. */
    List<int[]> under(CellKey cell) {
        if (under.isEmpty()) {
            indexUnder();
        }
        return under.getOrDefault(cell, Collections.emptyList());
    }

    private void indexUnder() {
        List<Map.Entry<CellKey, Long>> cells = new ArrayList<>(fine.entrySet());
        cells.sort(
                Map.Entry.<CellKey, Long>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()));
        for (Map.Entry<CellKey, Long> cell : cells) {
            int[] coords = coords(cell.getKey());
            for (int mask : lattice.masks()) {
                under.computeIfAbsent(CellKey.project(coords, mask), k -> new ArrayList<>())
                        .add(coords);
            }
        }
    }

    /**
     * Empty fine cells under a published cell that an attacker cannot tell are empty: every
     * published cell above them holds units, so they are unknowns like any other (see {@link
     * Suppressor}). At most {@code limit} of them, scanning at most {@link #SCAN} combinations.
     */
    List<int[]> emptyUnder(CellKey cell, int limit) {
        List<int[]> out = new ArrayList<>();
        int[] coords = coords(cell);
        scan(cell, coords, 0, limit, out, new int[] {SCAN});
        return out;
    }

    private static final int SCAN = 4_096;

    private void scan(CellKey cell, int[] coords, int d, int limit, List<int[]> out, int[] budget) {
        if (out.size() >= limit || budget[0] <= 0) {
            return;
        }
        if (d == coords.length) {
            budget[0]--;
            if (fine.containsKey(CellKey.project(coords, full))) {
                return;
            }
            for (int mask : lattice.masks()) {
                if (!counts.containsKey(CellKey.project(coords, mask))) {
                    return;
                }
            }
            out.add(coords.clone());
            return;
        }
        int parent = lattice.parentOf(d);
        if (cell.coord(d) >= 0 || lattice.isParent(d)) {
            // Kept by the cell, or set with the value nested in it.
            scan(cell, coords, d + 1, limit, out, budget);
            return;
        }
        for (int v : domain[d]) {
            if (parent >= 0) {
                int owner = owner(d, v);
                if (cell.coord(parent) >= 0 && cell.coord(parent) != owner) {
                    continue;
                }
                coords[parent] = owner;
            }
            coords[d] = v;
            scan(cell, coords, d + 1, limit, out, budget);
        }
        coords[d] = -1;
        if (parent >= 0 && cell.coord(parent) < 0) {
            coords[parent] = -1;
        }
    }

    List<CellKey> cells() {
        List<CellKey> cells = new ArrayList<>(counts.keySet());
        Collections.sort(cells);
        return cells;
    }
}
