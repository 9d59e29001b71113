package io.steward.organizations;

/** The kinds of organization in the network. */
public enum OrganizationType {
    PROVIDER,
    DISTRICT,
    EVALUATOR,
    COORDINATOR
}
