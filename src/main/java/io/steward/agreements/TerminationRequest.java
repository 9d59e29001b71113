package io.steward.agreements;

import jakarta.validation.constraints.Size;

/** Why an agreement ends early; optional. Not personal data: it is shown to both parties. */
public record TerminationRequest(@Size(max = 500) String reason) {}
