package io.steward.outcomes.suppression;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

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
        List<TreeSet<Integer>> values = new ArrayList<>();
        for (int d = 0; d < dims; d++) {
            values.add(new TreeSet<>());
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
                values.get(d).add(coords[d]);
                int parent = lattice.parentOf(d);
                if (parent >= 0) {
                    Integer known = owner.get(d).putIfAbsent(coords[d], coords[parent]);
                    if (known != null && known != coords[parent]) {
                        throw new IllegalArgumentException("a nested value has two parents");
                    }
                }
            }
            fine.merge(CellKey.project(coords, full), fact.n(), Long::sum);
            for (int mask : lattice.masks()) {
                counts.merge(CellKey.project(coords, mask), fact.n(), Long::sum);
            }
        }
        domain = new int[dims][];
        for (int d = 0; d < dims; d++) {
            domain[d] = values.get(d).stream().mapToInt(Integer::intValue).toArray();
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

    List<CellKey> cells() {
        List<CellKey> cells = new ArrayList<>(counts.keySet());
        Collections.sort(cells);
        return cells;
    }
}
