package io.steward.outcomes;

/**
 * Rounds shown values and top or bottom codes rates near 0 and 1, where a rate alone can reveal
 * every member's outcome. The band narrows as the group grows: 5 points up to 30 youth, 2 up to 60,
 * 1 up to 300, 0.1 beyond (see docs/disclosure-control.md).
 */
final class ValueCoding {

    /** A shown value: exact, or replaced by a coded bound. */
    record Coded(Double value, String coded) {}

    private ValueCoding() {}

    static Coded of(Metric metric, long n, double sum) {
        if (n == 0) {
            return new Coded(null, null);
        }
        double mean = sum / n;
        if (!metric.rate()) {
            return new Coded(Math.round(mean * 10) / 10.0, null);
        }
        double band = band(n);
        if (mean >= 1 - band) {
            return new Coded(null, "≥" + percent(1 - band) + "%");
        }
        if (mean <= band) {
            return new Coded(null, "≤" + percent(band) + "%");
        }
        return new Coded(Math.round(mean * 1000) / 1000.0, null);
    }

    static double band(long n) {
        if (n <= 30) {
            return 0.05;
        }
        if (n <= 60) {
            return 0.02;
        }
        return n <= 300 ? 0.01 : 0.001;
    }

    private static String percent(double share) {
        double value = Math.round(share * 1000) / 10.0;
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
