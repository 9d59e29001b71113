package io.steward.outcomes.suppression;

import io.steward.outcomes.Dimension;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random fine cross-classifications shaped like the outcomes data, with skewed small counts. */
final class RandomCubes {

    record Cube(List<Fact> facts, List<int[]> universe, int minimum) {}

    private RandomCubes() {}

    /**
     * Providers own programs (program index encodes its provider); grades, schools and bands are
     * free. Counts are zero, small or large in about equal shares, so most tables mix primary cells
     * with safe ones.
     */
    static Cube next(Random random) {
        int minimum = new int[] {3, 5, 10}[random.nextInt(3)];
        return cube(
                random,
                minimum,
                new int[] {
                    1 + random.nextInt(2),
                    1 + random.nextInt(2),
                    1 + random.nextInt(3),
                    1 + random.nextInt(3),
                    1 + random.nextInt(3)
                });
    }

    /** Providers, programs per provider, grades, schools and bands of these sizes. */
    static Cube cube(Random random, int minimum, int[] sizes) {
        int providers = sizes[0];
        int programsEach = sizes[1];
        int grades = sizes[2];
        int schools = sizes[3];
        int bands = sizes[4];
        double zero = 0.1 + random.nextDouble() * 0.4;
        double small = random.nextDouble() * 0.6;
        List<Fact> facts = new ArrayList<>();
        List<int[]> universe = new ArrayList<>();
        for (int p = 0; p < providers; p++) {
            for (int q = 0; q < programsEach; q++) {
                for (int g = 0; g < grades; g++) {
                    for (int s = 0; s < schools; s++) {
                        for (int b = 0; b < bands; b++) {
                            int[] coords = {p, p * programsEach + q, g, s, b};
                            universe.add(coords);
                            double roll = random.nextDouble();
                            long n;
                            if (roll < zero) {
                                n = 0;
                            } else if (roll < zero + small) {
                                n = 1 + random.nextInt(minimum);
                            } else {
                                n = 1 + random.nextInt(3 * minimum);
                            }
                            facts.add(new Fact(coords, n));
                        }
                    }
                }
            }
        }
        return new Cube(facts, universe, minimum);
    }

    static Lattice outcomes() {
        return Dimension.lattice();
    }
}
