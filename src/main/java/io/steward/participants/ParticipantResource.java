package io.steward.participants;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.steward.common.CursorScope;
import io.steward.common.Cursors;
import io.steward.common.Idempotency;
import io.steward.common.Page;
import io.steward.common.PageRequest;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

/**
 * Youth records. Posting a youth whose natural key and birth date match an existing one answers 200
 * with that youth's id only; a new youth answers 201 with its profile.
 */
@Path("/api/v1/participants")
@Produces(MediaType.APPLICATION_JSON)
public class ParticipantResource {

    @Inject ParticipantService service;
    @Inject Cursors cursors;
    @Inject GuardianLinkService links;
    @Inject Idempotency idempotency;
    @Inject ObjectMapper mapper;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.PROVIDER_STAFF, Role.CASE_MANAGER})
    public Response create(
            @Valid @NotNull ParticipantRequest request,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.run(
                idempotencyKey, idempotency.hash(request), () -> post(request), this::replayed);
    }

    /** A replayed answer shows the youth again (201: the record; 200: the match): audited. */
    private void replayed(Response answer) {
        String location = answer.getHeaderString(HttpHeaders.LOCATION);
        if (location != null) {
            service.replayed(UUID.fromString(location.substring(location.lastIndexOf('/') + 1)));
        } else if (answer.getEntity() instanceof String body) {
            service.replayed(matchedId(body));
        }
    }

    private UUID matchedId(String body) {
        try {
            return mapper.readValue(body, ParticipantView.Matched.class).id();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("STW-PARTICIPANT-0003 stored answer not readable");
        }
    }

    private Response post(ParticipantRequest request) {
        ParticipantService.Posted posted = service.create(request);
        if (posted.created() == null) {
            return Response.ok(new ParticipantView.Matched(posted.matchedId())).build();
        }
        return posted.created()
                .created(URI.create("/api/v1/participants/" + posted.created().body().id()));
    }

    @GET
    @RolesAllowed({Role.CITY_ADMIN, Role.PROVIDER_STAFF, Role.CASE_MANAGER})
    public Page<ParticipantView> lookup(
            @QueryParam("districtCode") String districtCode,
            @QueryParam("districtStudentId") String districtStudentId,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        CursorScope scope = CursorScope.of("participants", districtCode, districtStudentId);
        PageRequest page = cursors.page(limit, cursor, scope, 1);
        return service.lookup(districtCode, districtStudentId, page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.CITY_ADMIN, Role.PROVIDER_STAFF, Role.CASE_MANAGER, Role.GUARDIAN})
    public Response get(@PathParam("id") UUID id) {
        return service.get(id).ok();
    }

    @POST
    @Path("/{id}/guardian-links")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.CITY_ADMIN, Role.PROVIDER_STAFF, Role.CASE_MANAGER})
    public Response link(@PathParam("id") UUID id, @Valid @NotNull GuardianLinkRequest request) {
        GuardianLinkService.Linked linked = links.link(id, request);
        return Response.status(linked.created() ? 201 : 200).entity(linked.view()).build();
    }
}
