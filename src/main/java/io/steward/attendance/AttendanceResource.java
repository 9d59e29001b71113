package io.steward.attendance;

import io.steward.common.Page;
import io.steward.common.PageRequest;
import io.steward.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;

/**
 * Attendance of one program, keyed by (participant, date). Staff of the program's provider write;
 * they and the city read. Errors name an entry by its index in the body, as {@code [3].minutes}.
 */
@Path("/api/v1/programs/{programId}/attendance")
@Produces(MediaType.APPLICATION_JSON)
public class AttendanceResource {

    @Inject AttendanceService service;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.PROVIDER_STAFF, Role.CASE_MANAGER})
    public AttendanceView.Written put(
            @PathParam("programId") UUID programId, List<AttendanceEntry> entries) {
        return service.put(programId, entries);
    }

    @GET
    @RolesAllowed({Role.CITY_ADMIN, Role.PROVIDER_STAFF, Role.CASE_MANAGER})
    public Page<AttendanceView> list(
            @PathParam("programId") UUID programId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return service.list(programId, from, to, PageRequest.of(limit, cursor, 2));
    }
}
