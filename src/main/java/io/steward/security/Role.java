package io.steward.security;

/** The realm roles of the contract, as they appear in {@code realm_access.roles}. */
public final class Role {
    public static final String CITY_ADMIN = "city-admin";
    public static final String PROVIDER_STAFF = "provider-staff";
    public static final String CASE_MANAGER = "case-manager";
    public static final String DISTRICT_STEWARD = "district-steward";
    public static final String EVALUATOR = "evaluator";
    public static final String DASHBOARD = "dashboard";
    public static final String AUDITOR = "auditor";
    public static final String GUARDIAN = "guardian";

    private Role() {}
}
