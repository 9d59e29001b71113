package io.steward.outcomes.suppression;

/**
 * One cell of the finest cross-classification: a value index per dimension and the number of units
 * (youth) in it. Fine cells are never published themselves; every published table is a sum of them.
 */
public record Fact(int[] coords, long n) {

    public Fact {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        coords = coords.clone();
    }
}
