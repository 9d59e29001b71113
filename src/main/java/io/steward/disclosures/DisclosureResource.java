package io.steward.disclosures;

import io.steward.common.CursorScope;
import io.steward.common.Cursors;
import io.steward.common.Page;
import io.steward.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** The record of disclosures of a youth's academic data (FERPA 99.32), oldest first. */
@Path("/api/v1/participants/{participantId}/disclosures")
@Produces(MediaType.APPLICATION_JSON)
public class DisclosureResource {

    @Inject DisclosureService service;
    @Inject Cursors cursors;

    @GET
    @RolesAllowed({Role.GUARDIAN, Role.DISTRICT_STEWARD, Role.CITY_ADMIN, Role.AUDITOR})
    public Page<DisclosureView> list(
            @PathParam("participantId") UUID participantId,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return service.list(
                participantId,
                cursors.page(limit, cursor, CursorScope.of("disclosures", participantId), 2));
    }
}
