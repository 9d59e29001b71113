package io.steward.outcomes;

import io.steward.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Aggregate outcomes for dashboards, with disclosure control (docs/disclosure-control.md). */
@Path("/api/v1/outcomes")
@Produces(MediaType.APPLICATION_JSON)
public class OutcomeResource {

    @Inject OutcomeService service;

    @GET
    @Path("/{metric}")
    @RolesAllowed({Role.DASHBOARD, Role.EVALUATOR, Role.CITY_ADMIN})
    public OutcomeView read(
            @PathParam("metric") String metric,
            @QueryParam("groupBy") String groupBy,
            @QueryParam("schoolYear") String schoolYear,
            @QueryParam("providerCode") String providerCode) {
        return service.read(OutcomeQuery.parse(metric, groupBy, schoolYear, providerCode));
    }
}
