package io.steward.schooldata.read;

import io.steward.common.CursorScope;
import io.steward.common.Cursors;
import io.steward.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * A youth's individual academic records, for those with a right to them (see {@link
 * AcademicRecordAccess}). Every answer carries the redisclosure notice, as a header and a field,
 * and every answer with data is recorded as a disclosure.
 */
@Path("/api/v1/participants/{participantId}/academic-records")
@Produces(MediaType.APPLICATION_JSON)
public class AcademicRecordResource {

    @Inject ReadService service;
    @Inject Cursors cursors;

    @GET
    @RolesAllowed({Role.GUARDIAN, Role.DISTRICT_STEWARD, Role.CASE_MANAGER})
    public Response read(
            @PathParam("participantId") UUID participantId,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        CursorScope scope = CursorScope.of("academic-records", participantId);
        AcademicRecordPage page =
                service.read(participantId, cursors.page(limit, cursor, scope, 3));
        return Response.ok(page)
                .header(AcademicRecordPage.HEADER, AcademicRecordPage.NOTICE)
                .build();
    }
}
