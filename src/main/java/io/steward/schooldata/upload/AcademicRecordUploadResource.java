package io.steward.schooldata.upload;

import io.steward.schooldata.upload.UploadService.Format;
import io.steward.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.UUID;

/**
 * Academic records from the district's steward while the agreement is ACTIVE: {@code text/csv}
 * (header row), {@code application/x-ndjson}, or Ed-Fi interchange XML ({@code application/xml}).
 */
@Path("/api/v1/agreements/{id}/academic-records")
public class AcademicRecordUploadResource {

    public static final String CSV = "text/csv";
    public static final String NDJSON = "application/x-ndjson";

    @Inject UploadService service;

    @POST
    @Consumes({CSV, NDJSON, MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.DISTRICT_STEWARD)
    public UploadResult upload(
            @PathParam("id") UUID id, @Context HttpHeaders headers, InputStream body) {
        return service.upload(id, format(headers.getMediaType()), body);
    }

    static Format format(MediaType type) {
        String subtype = type.getSubtype().toLowerCase();
        if (subtype.equals("csv")) {
            return Format.CSV;
        }
        return subtype.equals("x-ndjson") ? Format.NDJSON : Format.EDFI_XML;
    }
}
