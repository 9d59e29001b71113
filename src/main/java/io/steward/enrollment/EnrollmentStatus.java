package io.steward.enrollment;

/** Whether an enrollment still runs. A withdrawn enrollment keeps its history. */
public enum EnrollmentStatus {
    ACTIVE,
    WITHDRAWN
}
