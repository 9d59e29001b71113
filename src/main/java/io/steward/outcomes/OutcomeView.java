package io.steward.outcomes;

import java.util.List;
import java.util.Map;

/**
 * An outcomes answer: a cell for every value of each requested dimension's public domain (every
 * combination for a pair), whether or not it holds youth. A suppressed cell has {@code n} and
 * {@code value} null; it holds fewer than the minimum, possibly nobody. A rate near 0 or 1 is top
 * or bottom coded: {@code value} null and {@code coded} the bound, such as {@code ≥95%}.
 */
public record OutcomeView(
        String metric, List<String> groupBy, int minimumCellSize, List<Cell> cells, Total total) {

    /** One group: each requested dimension mapped to its value. */
    public record Cell(
            Map<String, String> group, Long n, Double value, boolean suppressed, String coded) {}

    /** The whole population of the filter. */
    public record Total(Long n, Double value, boolean suppressed, String coded) {}
}
