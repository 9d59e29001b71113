package io.steward.audit;

/** How an audited request ended. */
public enum Outcome {
    SUCCESS,
    DENIED,
    NOT_FOUND,
    /** Work accepted earlier that ended without changing anything (a failed import job). */
    FAILED
}
