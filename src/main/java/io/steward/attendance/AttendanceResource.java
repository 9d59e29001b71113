package io.steward.attendance;

import io.steward.common.ApiException;
import io.steward.common.CursorScope;
import io.steward.common.Cursors;
import io.steward.common.Dates;
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
import java.time.LocalDate;
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
    @Inject Cursors cursors;

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
        LocalDate start = Dates.param("from", from);
        LocalDate end = Dates.param("to", to);
        if (start != null && end != null && end.isBefore(start)) {
            throw ApiException.invalid("to", "must not be before from");
        }
        PageRequest page =
                cursors.page(limit, cursor, CursorScope.of("attendance", programId, start, end), 2);
        return service.list(programId, start, end, page);
    }
}
