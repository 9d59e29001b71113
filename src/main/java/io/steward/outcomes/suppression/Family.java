package io.steward.outcomes.suppression;

import java.util.List;

/** A parent cell and the cells of a table one dimension finer that sum to it. */
record Family(CellKey parent, List<CellKey> children) {}
