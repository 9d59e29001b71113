package io.steward.participants;

import java.time.Instant;
import java.util.UUID;

/** A guardian login linked to a youth. */
public record GuardianLinkView(
        UUID participantId, String subject, Instant createdAt, String createdBy) {}
