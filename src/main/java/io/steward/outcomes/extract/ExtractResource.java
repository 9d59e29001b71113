package io.steward.outcomes.extract;

import io.steward.schooldata.read.AcademicRecordPage;
import io.steward.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * The de-identified extract of a STUDIES agreement, for the evaluator it names (FERPA 99.31(a)(6)).
 * Every answer is recorded as a disclosure and carries the redisclosure notice.
 */
@Path("/api/v1/agreements/{id}/extract")
@Produces(MediaType.APPLICATION_JSON)
public class ExtractResource {

    @Inject ExtractService service;

    @GET
    @RolesAllowed(Role.EVALUATOR)
    public Response extract(@PathParam("id") UUID id) {
        ExtractView view = service.extract(id);
        return Response.ok(view)
                .header(AcademicRecordPage.HEADER, AcademicRecordPage.NOTICE)
                .build();
    }
}
