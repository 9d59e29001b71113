package io.steward.consent;

import jakarta.validation.constraints.Size;

/** Why a consent is revoked; optional. */
public record RevocationRequest(@Size(max = 500) String reason) {}
