package io.steward.organizations;

import io.steward.audit.AuditLog;
import io.steward.audit.Outcome;
import io.steward.common.ApiException;
import io.steward.common.Page;
import io.steward.common.PageRequest;
import io.steward.common.Versioned;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OrganizationService {

    @Inject OrganizationRepository organizations;
    @Inject AuditLog audit;

    @Transactional
    public Versioned<OrganizationView> create(OrganizationRequest request) {
        String code = request.code().trim();
        if (organizations.findByCode(code).isPresent()) {
            throw ApiException.conflict("An organization with this code exists.");
        }

        Organization org = new Organization();
        org.id = UUID.randomUUID();
        org.code = code;
        org.name = request.name().trim();
        org.type = request.type();
        org.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        organizations.persistAndFlush(org);

        audit.record("organization.create", "organizations/" + code, List.of(), Outcome.SUCCESS);
        return new Versioned<>(OrganizationView.of(org), org.version);
    }

    public Page<OrganizationView> list(PageRequest page) {
        String after = page.first() ? null : page.after().get(0);
        return Page.of(
                organizations.page(after, page.limit()),
                page,
                OrganizationView::of,
                org -> new String[] {org.code});
    }

    public Versioned<OrganizationView> get(String code) {
        return organizations
                .findByCode(code)
                .map(org -> new Versioned<>(OrganizationView.of(org), org.version))
                .orElseThrow(ApiException::notFound);
    }

    /** The organization with this code, or 400 naming the field when there is none. */
    public Organization require(String field, String code, OrganizationType type) {
        Organization org = code == null ? null : organizations.findByCode(code.trim()).orElse(null);
        if (org == null || (type != null && org.type != type)) {
            String kind =
                    type == null ? "organization" : type.name().toLowerCase() + " organization";
            throw ApiException.invalid(field, "must be the code of a known " + kind);
        }
        return org;
    }
}
