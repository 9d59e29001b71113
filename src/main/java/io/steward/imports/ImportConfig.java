package io.steward.imports;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Limits and workers of bulk imports. */
@ConfigMapping(prefix = "steward.imports")
public interface ImportConfig {

    /**
     * Where uploads wait, sealed, for their job; default {@code <java.io.tmpdir>/steward-imports}.
     */
    Optional<String> spoolDir();

    /** Most data rows in one file; more is refused with 413. */
    @WithDefault("1000000")
    long maxRows();

    /** Longest single row (record) in bytes. */
    @WithDefault("65536")
    int maxRowBytes();

    /** Most row errors kept on a failed job (the lowest row numbers); all are counted. */
    @WithDefault("1000")
    int maxErrors();

    /** Rows checked, looked up and staged together. */
    @WithDefault("1000")
    int batchSize();

    /** Jobs run at the same time by this instance. */
    @WithDefault("1")
    int workers();

    /** Jobs that may wait for a worker; more submissions are refused with 503. */
    @WithDefault("20")
    int maxWaiting();

    /** Longest the writing transaction of one job may take. */
    @WithDefault("PT30M")
    Duration writeTimeout();

    /**
     * How often this instance tells the database it still holds its unfinished jobs, and looks for
     * jobs whose holder stopped.
     */
    @WithDefault("PT5S")
    Duration heartbeatInterval();

    /**
     * How long a job's heartbeat may go unrenewed before any instance fails the job as interrupted;
     * at least three heartbeat intervals.
     */
    @WithDefault("PT1M")
    Duration staleAfter();

    /** Most participant ids in one audit event; a larger import writes several events. */
    @WithDefault("10000")
    int auditIdsPerEvent();
}
