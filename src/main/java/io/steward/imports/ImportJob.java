package io.steward.imports;

import java.time.Instant;
import java.util.UUID;

/**
 * A bulk import job as stored: who submitted it (subject, organization, roles, and whether the
 * caller could import into any organization's programs), its progress and its outcome. The errors
 * are kept as JSON text.
 */
public record ImportJob(
        UUID id,
        String status,
        String orgCode,
        String subject,
        String roles,
        boolean cityWide,
        String mediaType,
        long totalRows,
        long processedRows,
        long created,
        long matchedExisting,
        long enrolled,
        long alreadyEnrolled,
        long errorCount,
        String errors,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    public static final String PENDING = "PENDING";
    public static final String RUNNING = "RUNNING";
    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";

    /** Counts of a job that wrote its rows. */
    public record Counts(long created, long matchedExisting, long enrolled, long alreadyEnrolled) {}
}
