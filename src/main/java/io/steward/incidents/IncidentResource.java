package io.steward.incidents;

import io.steward.common.CursorScope;
import io.steward.common.Cursors;
import io.steward.common.Ids;
import io.steward.common.Page;
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

/** The breach protocol: record a suspected breach, then list whom it affected. */
@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentResource {

    @Inject IncidentService service;
    @Inject Cursors cursors;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.CITY_ADMIN)
    public Response create(@Valid @NotNull IncidentRequest request) {
        IncidentView created = service.create(request);
        return Response.created(URI.create("/api/v1/incidents/" + created.id()))
                .entity(created)
                .build();
    }

    @GET
    @RolesAllowed({Role.CITY_ADMIN, Role.AUDITOR})
    public Page<IncidentView> list(
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.list(cursors.page(limit, cursor, CursorScope.of("incidents"), 1));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.CITY_ADMIN, Role.AUDITOR})
    public IncidentView get(@PathParam("id") String id) {
        return service.get(Ids.parse(id));
    }

    @GET
    @Path("/{id}/affected")
    @RolesAllowed({Role.CITY_ADMIN, Role.AUDITOR})
    public AffectedView affected(@PathParam("id") String id) {
        return service.affected(Ids.parse(id));
    }
}
