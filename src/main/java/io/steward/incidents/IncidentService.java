package io.steward.incidents;

import io.steward.audit.AuditLog;
import io.steward.audit.Outcome;
import io.steward.common.ApiException;
import io.steward.common.Cursors;
import io.steward.common.Ids;
import io.steward.common.Page;
import io.steward.common.PageRequest;
import io.steward.crypto.Envelope;
import io.steward.crypto.FieldContext;
import io.steward.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class IncidentService {

    static final String SCOPE = "incident";

    @Inject Envelope envelope;
    @Inject AffectedQuery affectedQuery;
    @Inject AuditLog audit;
    @Inject Caller caller;

    @Transactional
    public IncidentView create(IncidentRequest request) {
        if (!request.windowTo().isAfter(request.windowFrom())) {
            throw ApiException.invalid("windowTo", "must be after windowFrom");
        }

        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        incident.title = request.title().trim();
        incident.discoveredAt = request.discoveredAt();
        incident.suspectedActor = request.suspectedActor().trim();
        incident.windowFrom = request.windowFrom();
        incident.windowTo = request.windowTo();
        incident.description =
                envelope.encrypt(SCOPE, request.description(), descriptionContext(incident.id));
        incident.createdBy = caller.subject();
        incident.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        incident.persist();

        audit.record("incident.create", "incidents/" + incident.id, List.of(), Outcome.SUCCESS);
        return view(incident);
    }

    public Page<IncidentView> list(PageRequest page) {
        List<Incident> rows =
                page.first()
                        ? Incident.<Incident>find("order by id").page(0, page.limit() + 1).list()
                        : Incident.<Incident>find("id > ?1 order by id", uuid(page.after().get(0)))
                                .page(0, page.limit() + 1)
                                .list();
        return Page.of(rows, page, this::view, i -> new String[] {i.id.toString()});
    }

    public IncidentView get(UUID id) {
        return view(find(id));
    }

    @Transactional
    public AffectedView affected(UUID id) {
        Incident incident = find(id);

        AffectedView view = affectedQuery.affected(incident);

        List<UUID> ids = view.participants().stream().map(p -> p.participantId()).toList();
        audit.record("incident.affected", "incidents/" + id + "/affected", ids, Outcome.SUCCESS);
        return view;
    }

    private Incident find(UUID id) {
        Incident incident = Incident.findById(id);
        if (incident == null) {
            throw ApiException.notFound();
        }
        return incident;
    }

    private IncidentView view(Incident i) {
        return new IncidentView(
                i.id,
                i.title,
                i.discoveredAt,
                i.suspectedActor,
                i.windowFrom,
                i.windowTo,
                envelope.decrypt(i.description, descriptionContext(i.id)),
                i.createdBy,
                i.createdAt);
    }

    private static FieldContext descriptionContext(UUID id) {
        return FieldContext.of("incident", "description", id);
    }

    private static UUID uuid(String text) {
        UUID id = Ids.parseOrNull(text);
        if (id == null) {
            throw Cursors.refused();
        }
        return id;
    }
}
