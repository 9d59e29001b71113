package io.steward.outcomes;

import java.util.Optional;

/** The outcome metrics, each averaging one value per youth. */
public enum Metric {
    /** Youth taking part; value: average program days per youth. */
    PARTICIPATION("participation", false, false),
    /** Youth with school attendance records; value: mean of 1 - daysAbsent / daysEnrolled. */
    SCHOOL_ATTENDANCE("school-attendance", true, true),
    /** Youth with assessment records; value: mean share of their assessments proficient. */
    ASSESSMENT_PROFICIENCY("assessment-proficiency", true, true);

    private final String path;
    private final boolean schoolData;
    private final boolean rate;

    Metric(String path, boolean schoolData, boolean rate) {
        this.path = path;
        this.schoolData = schoolData;
        this.rate = rate;
    }

    public String path() {
        return path;
    }

    /** Whether the metric reads academic records held under an agreement. */
    public boolean schoolData() {
        return schoolData;
    }

    /** Whether the value is a share between 0 and 1, top and bottom coded near the ends. */
    public boolean rate() {
        return rate;
    }

    public static Optional<Metric> ofPath(String text) {
        for (Metric metric : values()) {
            if (metric.path.equals(text)) {
                return Optional.of(metric);
            }
        }
        return Optional.empty();
    }
}
