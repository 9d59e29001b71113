package io.steward.outcomes.suppression;

import java.util.Arrays;

/**
 * One cell of one published table: the table's dimension mask (bit {@code d} set when dimension
 * {@code d} is kept) and the cell's coordinates, one value index per dimension, {@code -1} for the
 * dimensions the table sums over. Immutable; ordered by mask, then coordinates.
 */
public final class CellKey implements Comparable<CellKey> {

    private final int mask;
    private final int[] coords;
    private final int hash;

    private CellKey(int mask, int[] coords) {
        this.mask = mask;
        this.coords = coords;
        this.hash = 31 * mask + Arrays.hashCode(coords);
    }

    /** The cell of table {@code mask} that a fine cell with these coordinates falls in. */
    public static CellKey project(int[] fine, int mask) {
        int[] coords = new int[fine.length];
        for (int d = 0; d < fine.length; d++) {
            coords[d] = (mask & (1 << d)) != 0 ? fine[d] : -1;
        }
        return new CellKey(mask, coords);
    }

    /** The cell of coarser table {@code mask} (a subset of this cell's mask) it falls in. */
    public CellKey project(int mask) {
        return project(coords, mask);
    }

    public int mask() {
        return mask;
    }

    /** The value index of dimension {@code d}, or -1 when the table sums over it. */
    public int coord(int d) {
        return coords[d];
    }

    public int dimensions() {
        return coords.length;
    }

    /** Whether a fine cell with these coordinates falls in this cell. */
    public boolean contains(int[] fine) {
        for (int d = 0; d < coords.length; d++) {
            if (coords[d] >= 0 && coords[d] != fine[d]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CellKey key
                && key.hash == hash
                && key.mask == mask
                && Arrays.equals(key.coords, coords);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public int compareTo(CellKey other) {
        int byMask = Integer.compare(mask, other.mask);
        return byMask != 0 ? byMask : Arrays.compare(coords, other.coords);
    }

    @Override
    public String toString() {
        return "Cell" + Integer.toBinaryString(mask) + Arrays.toString(coords);
    }
}
