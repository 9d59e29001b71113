package io.steward.audit;

/**
 * The result of recomputing the audit hash chain from the first linked event to the last.
 *
 * @param valid whether every linked event matches and no event is overdue for linking
 * @param events how many linked events were checked
 * @param headHash the hash of the last linked event that matched
 * @param firstInvalidSeq the first linked event that does not match, or null
 * @param unlinkedOverdue committed events still unlinked after the grace period (the chain writer
 *     is failing or something interferes with it); any makes the chain invalid
 */
public record VerificationView(
        boolean valid, long events, String headHash, Long firstInvalidSeq, long unlinkedOverdue) {}
