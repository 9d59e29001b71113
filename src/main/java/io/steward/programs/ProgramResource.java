package io.steward.programs;

import io.steward.common.CursorScope;
import io.steward.common.Cursors;
import io.steward.common.Page;
import io.steward.common.Versioned;
import io.steward.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

/** Programs of the providers. Provider roles see their own organization's; the city sees all. */
@Path("/api/v1/programs")
@Produces(MediaType.APPLICATION_JSON)
public class ProgramResource {

    @Inject ProgramService service;
    @Inject Cursors cursors;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.CITY_ADMIN, Role.PROVIDER_STAFF, Role.CASE_MANAGER})
    public Response create(@Valid @NotNull ProgramRequest request) {
        Versioned<ProgramView> created = service.create(request);
        return created.created(URI.create("/api/v1/programs/" + created.body().id()));
    }

    @GET
    @RolesAllowed({Role.CITY_ADMIN, Role.PROVIDER_STAFF, Role.CASE_MANAGER})
    public Page<ProgramView> list(
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.list(cursors.page(limit, cursor, CursorScope.of("programs"), 2));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.CITY_ADMIN, Role.PROVIDER_STAFF, Role.CASE_MANAGER})
    public Response get(@PathParam("id") UUID id) {
        return service.get(id).ok();
    }
}
