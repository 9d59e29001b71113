package io.steward.audit;

/** How an audited request ended. */
public enum Outcome {
    SUCCESS,
    DENIED,
    NOT_FOUND
}
