package io.steward.disclosures;

import io.steward.audit.AuditLog;
import io.steward.audit.Outcome;
import io.steward.common.CursorParts;
import io.steward.common.Page;
import io.steward.common.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DisclosureService {

    @Inject DisclosureAccess access;
    @Inject DisclosureLog log;
    @Inject AuditLog audit;

    @Transactional
    public Page<DisclosureView> list(UUID participantId, PageRequest page) {
        DisclosureAccess.Scope scope = access.check(participantId);

        Instant afterAt = page.first() ? null : CursorParts.instant(page, 0);
        UUID afterId = page.first() ? null : CursorParts.uuid(page, 1);
        List<DisclosureView> rows =
                log.page(participantId, scope.sourceDistrictId(), afterAt, afterId, page.limit());

        audit.record(
                "disclosure.list",
                "participants/" + participantId + "/disclosures",
                List.of(participantId),
                Outcome.SUCCESS);
        return Page.of(
                rows, page, d -> d, d -> new String[] {d.at().toString(), d.id().toString()});
    }
}
