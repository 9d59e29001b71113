package io.steward.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An audit event as the auditor sees it. */
public record AuditEventView(
        long seq,
        Instant at,
        String actor,
        String org,
        String role,
        String action,
        String resource,
        List<UUID> participantIds,
        Outcome outcome,
        String prevHash,
        String hash) {}
