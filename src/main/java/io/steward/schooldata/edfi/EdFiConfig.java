package io.steward.schooldata.edfi;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** How Ed-Fi interchange data becomes academic records. */
@ConfigMapping(prefix = "steward.schooldata.edfi")
public interface EdFiConfig {

    /**
     * Days enrolled of a student's school year when no calendar of the student's school was
     * uploaded for the agreement (InterchangeEducationOrgCalendar); 180 is the most common length
     * of a US school year.
     */
    @WithDefault("180")
    int defaultDaysEnrolled();

    /**
     * Performance levels (descriptor code values, compared ignoring case) that count as proficient;
     * any other level is not proficient.
     */
    @WithDefault(
            "Met Standard,Meets Standard,Exceeds Standard,Advanced,Proficient,Above Proficient,"
                    + "Commended,Commended Performance,Meets Grade Level,Masters Grade Level")
    List<String> proficientLevels();
}
