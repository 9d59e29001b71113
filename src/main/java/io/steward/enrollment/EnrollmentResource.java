package io.steward.enrollment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.steward.common.CursorScope;
import io.steward.common.Cursors;
import io.steward.common.Idempotency;
import io.steward.common.Page;
import io.steward.common.Versioned;
import io.steward.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

/**
 * Enrollments of one program. Staff of the program's provider enroll and withdraw; they and the
 * city read. A program the caller may not see answers 404.
 */
@Path("/api/v1/programs/{programId}/enrollments")
@Produces(MediaType.APPLICATION_JSON)
public class EnrollmentResource {

    @Inject EnrollmentService service;
    @Inject Cursors cursors;
    @Inject Idempotency idempotency;
    @Inject ObjectMapper mapper;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.PROVIDER_STAFF, Role.CASE_MANAGER})
    public Response create(
            @PathParam("programId") UUID programId,
            @Valid @NotNull EnrollmentRequest request,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.run(
                idempotencyKey,
                idempotency.hash(request),
                () -> post(programId, request),
                answer -> replayed(programId, answer));
    }

    /** A replayed answer shows the enrollment again: audited like the first. */
    private void replayed(UUID programId, Response answer) {
        if (answer.getEntity() instanceof String body) {
            try {
                EnrollmentView view = mapper.readValue(body, EnrollmentView.class);
                service.replayed(programId, view.id(), view.participantId());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("STW-ENROLL-0010 stored answer not readable");
            }
        }
    }

    private Response post(UUID programId, EnrollmentRequest request) {
        Versioned<EnrollmentView> created = service.create(programId, request);
        return created.created(
                URI.create(
                        "/api/v1/programs/" + programId + "/enrollments/" + created.body().id()));
    }

    @GET
    @RolesAllowed({Role.CITY_ADMIN, Role.PROVIDER_STAFF, Role.CASE_MANAGER})
    public Page<EnrollmentView> list(
            @PathParam("programId") UUID programId,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return service.list(
                programId,
                cursors.page(limit, cursor, CursorScope.of("enrollments", programId), 2));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.CITY_ADMIN, Role.PROVIDER_STAFF, Role.CASE_MANAGER})
    public Response get(@PathParam("programId") UUID programId, @PathParam("id") UUID id) {
        return service.get(programId, id).ok();
    }

    @POST
    @Path("/{id}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.PROVIDER_STAFF, Role.CASE_MANAGER})
    public Response withdraw(
            @PathParam("programId") UUID programId,
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull WithdrawalRequest request) {
        return service.withdraw(programId, id, request, ifMatch).ok();
    }
}
