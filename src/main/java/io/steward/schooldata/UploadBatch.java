package io.steward.schooldata;

import java.util.List;

/**
 * What an upload yields: academic records (rows of CSV or NDJSON, Ed-Fi attendance or assessments),
 * bare student ids (Ed-Fi InterchangeStudent: matched and counted only) or school calendars. {@code
 * format} names the format or interchange; {@code received} counts the records (or students, or
 * sessions) the upload described; {@code skipped} those that carry no result (an assessment with a
 * reason not tested).
 */
public record UploadBatch(
        String format,
        List<AcademicRow> rows,
        List<String> studentIds,
        List<SchoolCalendar> calendars,
        int received,
        int skipped) {

    /** Instructional days of a school in a school year, from the sessions of its calendar. */
    public record SchoolCalendar(String schoolId, String schoolYear, int instructionalDays) {}
}
