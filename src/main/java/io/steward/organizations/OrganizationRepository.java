package io.steward.organizations;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OrganizationRepository implements PanacheRepositoryBase<Organization, UUID> {

    /** Codes compare case-insensitively, as the unique index does. */
    public Optional<Organization> findByCode(String code) {
        return find("lower(code) = lower(?1)", code).firstResultOptional();
    }

    /** Up to {@code limit + 1} organizations after a code, in code order. */
    public List<Organization> page(String afterCode, int limit) {
        PanacheQuery<Organization> query =
                afterCode == null
                        ? find("order by lower(code)")
                        : find("lower(code) > lower(?1) order by lower(code)", afterCode);
        return query.page(0, limit + 1).list();
    }
}
