package io.steward.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** The fields of one audit event that its hash covers. */
public record AuditEntry(
        Instant at,
        String actor,
        String org,
        String role,
        String action,
        String resource,
        List<UUID> participantIds,
        Outcome outcome) {

    /** A canonical, unambiguous text of the event: each field length-prefixed. */
    public String canonical(long seq) {
        String ids = participantIds.stream().map(UUID::toString).collect(Collectors.joining(","));
        StringBuilder text = new StringBuilder();
        for (String field :
                new String[] {
                    Long.toString(seq),
                    at.toString(),
                    actor,
                    org,
                    role,
                    action,
                    resource,
                    ids,
                    outcome.name()
                }) {
            String value = field == null ? "" : field;
            text.append(value.length()).append(':').append(value).append('|');
        }
        return text.toString();
    }
}
