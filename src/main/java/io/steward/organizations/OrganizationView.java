package io.steward.organizations;

import java.time.Instant;
import java.util.UUID;

/** An organization as the API shows it. */
public record OrganizationView(
        UUID id, String code, String name, OrganizationType type, Instant createdAt) {

    static OrganizationView of(Organization org) {
        return new OrganizationView(org.id, org.code, org.name, org.type, org.createdAt);
    }
}
