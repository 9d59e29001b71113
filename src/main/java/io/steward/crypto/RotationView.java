package io.steward.crypto;

/** The outcome of a master key rotation; re-wrapping continues in the background. */
public record RotationView(int primaryKeyId, int previousPrimaryKeyId, long dataKeysToRewrap) {}
