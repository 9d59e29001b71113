package io.steward.audit;

/** The result of recomputing the audit hash chain from the first event to the last. */
public record VerificationView(boolean valid, long events, String headHash, Long firstInvalidSeq) {}
