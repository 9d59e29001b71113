package io.steward.incidents;

import java.time.Instant;
import java.util.UUID;

public record IncidentView(
        UUID id,
        String title,
        Instant discoveredAt,
        String suspectedActor,
        Instant windowFrom,
        Instant windowTo,
        String description,
        String createdBy,
        Instant createdAt) {}
