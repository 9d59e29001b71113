package io.steward.imports;

import java.util.UUID;

/** The answer to a submission: the job to poll. */
public record ImportAccepted(UUID id, String status) {}
