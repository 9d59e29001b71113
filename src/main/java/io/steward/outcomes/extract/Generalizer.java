package io.steward.outcomes.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Generalizes the quasi-identifiers of an extract until every combination is shared by at least
 * {@code k} rows (k-anonymity, full-domain generalization). Every combination of levels is tried;
 * rows in combinations still smaller than {@code k} are suppressed, up to a share of the rows. The
 * chosen levels lose the least detail (levels summed, each scaled to its hierarchy), then suppress
 * the fewest rows. When no levels keep suppression within the share, the top levels are used and
 * every row in a combination smaller than {@code k} is suppressed, so nothing below {@code k} is
 * ever released.
 */
public final class Generalizer {

    /** A row before generalization. {@code schoolCode} may be null. */
    public record Row(String gradeLevel, String schoolCode, int birthYear) {}

    /** The chosen levels and, per input row in order, its generalized values or null. */
    public record Result(
            int gradeLevel, int schoolLevel, int birthYearLevel, List<QuasiIdentifiers> rows) {

        public long suppressed() {
            return rows.stream().filter(r -> r == null).count();
        }
    }

    private Generalizer() {}

    /**
     * Generalizes rows for minimum class size {@code k}, suppressing at most {@code maxShare} of
     * them (0 to 1).
     */
    public static Result generalize(List<Row> rows, int k, double maxShare) {
        if (k < 1 || maxShare < 0 || maxShare > 1) {
            throw new IllegalArgumentException("k must be positive and maxShare within 0..1");
        }
        long allowed = (long) Math.floor(maxShare * rows.size());
        Result best = null;
        double bestLoss = Double.MAX_VALUE;
        for (int g = 0; g < Hierarchies.GRADE_LEVELS; g++) {
            for (int s = 0; s < Hierarchies.SCHOOL_LEVELS; s++) {
                for (int b = 0; b < Hierarchies.BIRTH_YEAR_LEVELS; b++) {
                    Result candidate = apply(rows, k, g, s, b);
                    double loss =
                            g / (double) (Hierarchies.GRADE_LEVELS - 1)
                                    + s / (double) (Hierarchies.SCHOOL_LEVELS - 1)
                                    + b / (double) (Hierarchies.BIRTH_YEAR_LEVELS - 1);
                    boolean better =
                            loss < bestLoss
                                    || (loss == bestLoss
                                            && candidate.suppressed() < best.suppressed());
                    if (candidate.suppressed() <= allowed && better) {
                        best = candidate;
                        bestLoss = loss;
                    }
                }
            }
        }
        if (best == null) {
            best =
                    apply(
                            rows,
                            k,
                            Hierarchies.GRADE_LEVELS - 1,
                            Hierarchies.SCHOOL_LEVELS - 1,
                            Hierarchies.BIRTH_YEAR_LEVELS - 1);
        }
        return best;
    }

    static Result apply(List<Row> rows, int k, int g, int s, int b) {
        List<QuasiIdentifiers> generalized = new ArrayList<>(rows.size());
        Map<QuasiIdentifiers, Integer> sizes = new HashMap<>();
        for (Row row : rows) {
            QuasiIdentifiers q =
                    new QuasiIdentifiers(
                            Hierarchies.grade(row.gradeLevel(), g),
                            Hierarchies.school(row.schoolCode(), s),
                            Hierarchies.birthYear(row.birthYear(), b));
            generalized.add(q);
            sizes.merge(q, 1, Integer::sum);
        }
        generalized.replaceAll(q -> sizes.get(q) < k ? null : q);
        return new Result(g, s, b, java.util.Collections.unmodifiableList(generalized));
    }
}
