package io.steward.consent;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.steward.common.CursorScope;
import io.steward.common.Cursors;
import io.steward.common.OptionalJson;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

/** Consents of a participant (FERPA 99.30). */
@Path("/api/v1/participants/{participantId}/consents")
@Produces(MediaType.APPLICATION_JSON)
public class ConsentResource {

    @Inject ConsentService service;
    @Inject Cursors cursors;
    @Inject OptionalJson optionalJson;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.PROVIDER_STAFF, Role.CASE_MANAGER, Role.GUARDIAN})
    public Response create(
            @PathParam("participantId") UUID participantId,
            @Valid @NotNull ConsentRequest request) {
        Versioned<ConsentView> created = service.create(participantId, request);
        return created.created(
                URI.create(
                        "/api/v1/participants/"
                                + participantId
                                + "/consents/"
                                + created.body().id()));
    }

    @GET
    @RolesAllowed({Role.CITY_ADMIN, Role.PROVIDER_STAFF, Role.CASE_MANAGER, Role.GUARDIAN})
    public Page<ConsentView> list(
            @PathParam("participantId") UUID participantId,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return service.list(
                participantId,
                cursors.page(limit, cursor, CursorScope.of("consents", participantId), 2));
    }

    @GET
    @Path("/{consentId}")
    @RolesAllowed({Role.CITY_ADMIN, Role.PROVIDER_STAFF, Role.CASE_MANAGER, Role.GUARDIAN})
    public Response get(
            @PathParam("participantId") UUID participantId,
            @PathParam("consentId") UUID consentId) {
        return service.get(participantId, consentId).ok();
    }

    /** Revokes at once. Honours {@code If-Match}; the body and its reason are optional. */
    @POST
    @Path("/{consentId}/revocation")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Role.PROVIDER_STAFF, Role.CASE_MANAGER, Role.GUARDIAN})
    public Response revoke(
            @PathParam("participantId") UUID participantId,
            @PathParam("consentId") UUID consentId,
            @HeaderParam("If-Match") String ifMatch,
            @Context HttpHeaders headers,
            String body)
            throws JsonProcessingException {
        RevocationRequest request =
                optionalJson.read(body, headers.getMediaType(), RevocationRequest.class);
        return service.revoke(participantId, consentId, request, ifMatch).ok();
    }
}
