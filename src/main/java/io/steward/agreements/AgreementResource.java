package io.steward.agreements;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.steward.agreements.destruction.DestructionView;
import io.steward.common.CursorScope;
import io.steward.common.Cursors;
import io.steward.common.NoBody;
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
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;

/** Data-sharing agreements (FERPA 99.31(a)(6), 99.35). */
@Path("/api/v1/agreements")
@Produces(MediaType.APPLICATION_JSON)
public class AgreementResource {

    @Inject AgreementService service;
    @Inject Cursors cursors;
    @Inject OptionalJson optionalJson;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.CITY_ADMIN)
    public Response create(@Valid @NotNull AgreementRequest request) {
        Versioned<AgreementView> created = service.create(request);
        return created.created(URI.create("/api/v1/agreements/" + created.body().id()));
    }

    @GET
    @RolesAllowed({
        Role.CITY_ADMIN,
        Role.DISTRICT_STEWARD,
        Role.EVALUATOR,
        Role.PROVIDER_STAFF,
        Role.CASE_MANAGER
    })
    public Page<AgreementView> list(
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.list(cursors.page(limit, cursor, CursorScope.of("agreements"), 1));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({
        Role.CITY_ADMIN,
        Role.DISTRICT_STEWARD,
        Role.EVALUATOR,
        Role.PROVIDER_STAFF,
        Role.CASE_MANAGER
    })
    public Response get(@PathParam("id") UUID id) {
        return service.get(id).ok();
    }

    /** The district's steward signs a DRAFT: it becomes ACTIVE. No body ({@link NoBody}). */
    @POST
    @Path("/{id}/signature")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Role.DISTRICT_STEWARD)
    public Response sign(
            @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, InputStream body) {
        NoBody.require(body);
        return service.sign(id, ifMatch).ok();
    }

    /** Either party or the city ends the agreement; its academic records are destroyed. */
    @POST
    @Path("/{id}/termination")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({
        Role.CITY_ADMIN,
        Role.DISTRICT_STEWARD,
        Role.EVALUATOR,
        Role.PROVIDER_STAFF,
        Role.CASE_MANAGER
    })
    public Response terminate(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @Context HttpHeaders headers,
            String body)
            throws JsonProcessingException {
        TerminationRequest request =
                optionalJson.read(body, headers.getMediaType(), TerminationRequest.class);
        return service.terminate(id, request, ifMatch).ok();
    }

    @GET
    @Path("/{id}/destruction")
    @RolesAllowed({
        Role.CITY_ADMIN,
        Role.DISTRICT_STEWARD,
        Role.EVALUATOR,
        Role.PROVIDER_STAFF,
        Role.CASE_MANAGER
    })
    public DestructionView destruction(@PathParam("id") UUID id) {
        return service.destruction(id);
    }
}
