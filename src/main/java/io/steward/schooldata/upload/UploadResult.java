package io.steward.schooldata.upload;

/**
 * The outcome of an upload. {@code received}: records the upload described (rows; for Ed-Fi
 * attendance one per student and year; for InterchangeStudent the students; for a calendar the
 * sessions). {@code stored}: records written. {@code droppedNotParticipants}: records (or students)
 * of youth who are not participants, counted and not stored. {@code replaced}: stored records that
 * a record of this upload replaced. {@code skipped}: records without a result (not tested). {@code
 * matchedParticipants}: distinct participants found. {@code calendars}: school calendars stored.
 */
public record UploadResult(
        String format,
        int received,
        int stored,
        int droppedNotParticipants,
        int replaced,
        int skipped,
        int matchedParticipants,
        int calendars) {}
