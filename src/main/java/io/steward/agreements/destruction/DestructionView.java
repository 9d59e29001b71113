package io.steward.agreements.destruction;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The certificate of the destruction of an agreement's academic records: when, how many records
 * were deleted, which data keys were destroyed (crypto-erasing every copy, backups included), why.
 */
public record DestructionView(
        UUID agreementId,
        Instant destroyedAt,
        int records,
        List<UUID> keyIds,
        Destruction.Cause cause,
        String reason) {}
