package io.steward.audit;

import io.steward.common.CursorScope;
import java.time.Instant;
import java.util.UUID;

/** Optional filters of the audit event list; null means "any". */
public record AuditFilter(Instant from, Instant to, String actor, UUID participantId) {

    /** The walk of the event list with these filters, which its cursors are bound to. */
    CursorScope scope() {
        return CursorScope.of("audit-events", from, to, actor, participantId);
    }
}
