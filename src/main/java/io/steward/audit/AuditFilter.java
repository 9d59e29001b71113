package io.steward.audit;

import java.time.Instant;
import java.util.UUID;

/** Optional filters of the audit event list; null means "any". */
public record AuditFilter(Instant from, Instant to, String actor, UUID participantId) {}
