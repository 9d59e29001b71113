package io.steward.imports;

import io.steward.imports.file.RowError;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A job as the API shows it. {@code created} and {@code matchedExisting} count youth (a youth on
 * several rows counts once), {@code enrolled} and {@code alreadyEnrolled} count rows; {@code
 * errors} holds at most {@code steward.imports.max-errors} errors, the lowest rows first, and
 * {@code errorCount} all of them.
 */
public record ImportJobView(
        UUID id,
        String status,
        long totalRows,
        long processedRows,
        long created,
        long matchedExisting,
        long enrolled,
        long alreadyEnrolled,
        long errorCount,
        boolean errorsTruncated,
        List<RowError> errors,
        Instant submittedAt,
        Instant startedAt,
        Instant finishedAt) {

    static ImportJobView of(ImportJob job, List<RowError> errors) {
        return new ImportJobView(
                job.id(),
                job.status(),
                job.totalRows(),
                job.processedRows(),
                job.created(),
                job.matchedExisting(),
                job.enrolled(),
                job.alreadyEnrolled(),
                job.errorCount(),
                job.errorCount() > errors.size(),
                errors,
                job.createdAt(),
                job.startedAt(),
                job.finishedAt());
    }
}
