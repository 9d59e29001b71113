package io.steward.probe;

import io.quarkus.security.Authenticated;
import io.steward.common.Dates;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;

/**
 * Endpoints that exist only in tests, to prove what the foundation does for every feature: an
 * endpoint nobody annotated, an unexpected failure, and strict dates. Not in the OpenAPI document;
 * the scan that holds the document to the resource classes reads only {@code target/classes}.
 */
@Path("/probe")
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

    /** A date in a body, as features take them. */
    public record DateProbe(@NotNull LocalDate on) {}

    @GET
    @Path("/unannotated")
    public String unannotated() {
        return "reached";
    }

    @GET
    @Path("/boom")
    @Authenticated
    public String boom() {
        throw new IllegalStateException(
                "select first_name from participant where last_name = 'Okonkwo-Probe'");
    }

    @POST
    @Path("/dates")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public DateProbe date(@Valid @NotNull DateProbe probe) {
        return probe;
    }

    @GET
    @Path("/dates")
    @PermitAll
    public String dateParam(@QueryParam("on") String on) {
        return String.valueOf(Dates.param("on", on));
    }
}
