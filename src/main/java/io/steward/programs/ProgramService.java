package io.steward.programs;

import io.steward.audit.AuditLog;
import io.steward.audit.Outcome;
import io.steward.common.ApiException;
import io.steward.common.CursorParts;
import io.steward.common.Page;
import io.steward.common.PageRequest;
import io.steward.common.Versioned;
import io.steward.organizations.OrganizationService;
import io.steward.organizations.OrganizationType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ProgramService {

    @Inject ProgramRepository programs;
    @Inject ProgramAccess access;
    @Inject OrganizationService organizations;
    @Inject AuditLog audit;

    @Transactional
    public Versioned<ProgramView> create(ProgramRequest request) {
        String providerCode = access.providerCodeFor(request.providerCode());
        if (request.endDate().isBefore(request.startDate())) {
            throw ApiException.invalid("endDate", "must not be before startDate");
        }

        Program program = new Program();
        program.id = UUID.randomUUID();
        program.provider =
                organizations.require("providerCode", providerCode, OrganizationType.PROVIDER);
        program.name = request.name().strip();
        program.site = request.site().strip();
        program.startDate = request.startDate();
        program.endDate = request.endDate();
        program.capacity = request.capacity();
        program.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        programs.persistAndFlush(program);

        audit.record("program.create", "programs/" + program.id, List.of(), Outcome.SUCCESS);
        return new Versioned<>(ProgramView.of(program), program.version);
    }

    @Transactional
    public Page<ProgramView> list(PageRequest page) {
        Instant at = page.first() ? null : CursorParts.instant(page, 0);
        UUID id = page.first() ? null : CursorParts.uuid(page, 1);
        return Page.of(
                programs.page(at, id, page.limit()),
                page,
                ProgramView::of,
                p -> new String[] {p.createdAt.toString(), p.id.toString()});
    }

    @Transactional
    public Versioned<ProgramView> get(UUID id) {
        Program program = access.readable(id, "program.read", "programs/" + id);
        return new Versioned<>(ProgramView.of(program), program.version);
    }
}
