package io.steward.security.report;

import io.steward.audit.AuditLog;
import io.steward.audit.Outcome;
import io.steward.common.ApiException;
import io.steward.security.Caller;
import io.steward.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The periodic security review, and the record of backups and restore drills it reports. */
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
public class SecurityReportResource {

    @Inject SecurityReportService service;
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    @Inject AuditLog audit;
    @Inject Caller caller;
    @Inject EntityManager em;

    @GET
    @Path("/security-report")
    @RolesAllowed({Role.AUDITOR, Role.CITY_ADMIN})
    @Transactional
    public SecurityReportView report() {
        SecurityReportView report = service.report();

        audit.record("security-report.read", "admin/security-report", List.of(), Outcome.SUCCESS);
        return report;
    }

    @POST
    @Path("/backup-events")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.CITY_ADMIN)
    @Transactional
    public Response recordBackup(@Valid @NotNull BackupEventRequest request) {
        // A completion time ahead of the clock would make the report show a fresh backup until
        // that time comes; clocks of backup hosts may run a little ahead.
        if (request.completedAt().isAfter(Instant.now().plus(CLOCK_SKEW))) {
            throw ApiException.invalid("completedAt", "must not be in the future");
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery(
                        "insert into backup_event (id, kind, completed_at, detail, recorded_by,"
                                + " recorded_at) values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, id)
                .setParameter(2, request.kind())
                .setParameter(3, request.completedAt())
                .setParameter(4, request.detail())
                .setParameter(5, caller.subject())
                .setParameter(6, Instant.now())
                .executeUpdate();

        audit.record("backup.record", "admin/backup-events/" + id, List.of(), Outcome.SUCCESS);
        return Response.status(201)
                .entity(new BackupEventView(id, request.kind(), request.completedAt()))
                .build();
    }

    public record BackupEventView(UUID id, String kind, Instant completedAt) {}
}
