package io.steward.organizations;

import io.quarkus.security.Authenticated;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Organizations of the network. Names and codes are not personal data; any caller may read. */
@Path("/api/v1/organizations")
@Tag(name = "Organizations")
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationResource {

    @Inject OrganizationService service;
    @Inject Cursors cursors;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.CITY_ADMIN)
    @Operation(summary = "Create an organization (city-admin)")
    public Response create(@Valid @NotNull OrganizationRequest request) {
        Versioned<OrganizationView> created = service.create(request);
        return created.created(URI.create("/api/v1/organizations/" + created.body().code()));
    }

    @GET
    @Authenticated
    @Operation(summary = "List organizations, in code order")
    public Page<OrganizationView> list(
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.list(cursors.page(limit, cursor, CursorScope.of("organizations"), 1));
    }

    @GET
    @Path("/{code}")
    @Authenticated
    @Operation(summary = "One organization by its code, compared case-insensitively")
    public Response get(@PathParam("code") String code) {
        return service.get(code).ok();
    }
}
