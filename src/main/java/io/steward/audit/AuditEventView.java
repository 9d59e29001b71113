package io.steward.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A linked audit event as the auditor sees it: {@code seq} is its chain position, {@code hash} is
 * {@link AuditLog#hash} over {@code seq}, the other fields and {@code prevHash}, so the list can be
 * re-verified offline. Events not yet linked (null {@code seq} and hashes in the table) are not
 * listed; see {@link ChainWriter}.
 */
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
