package io.steward.imports;

import io.steward.common.ApiException;
import io.steward.common.Idempotency;
import io.steward.common.ProblemKind;
import io.steward.imports.file.UploadFormat;
import io.steward.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/** Bulk enrollment imports for scripts: upload a file, then poll its job. See docs/imports.md. */
@Path("/api/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    @Inject ImportService service;
    @Inject ImportAccess access;

    @POST
    @Path("/enrollments")
    @Consumes({"text/csv", "application/x-ndjson"})
    @RolesAllowed({Role.PROVIDER_STAFF, Role.CASE_MANAGER, Role.CITY_ADMIN})
    public Response enrollments(
            InputStream body,
            @Context HttpHeaders headers,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        String org = access.submittingOrg();

        MediaType type = headers.getMediaType();
        UploadFormat format = UploadFormat.of(type);
        if (format == null || !UploadFormat.utf8(type)) {
            throw ApiException.of(
                    ProblemKind.UNSUPPORTED_MEDIA_TYPE,
                    "Send text/csv or application/x-ndjson, in UTF-8.");
        }
        return service.submit(org, body, format, idempotencyKey);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.PROVIDER_STAFF, Role.CASE_MANAGER, Role.CITY_ADMIN})
    public ImportJobView get(@PathParam("id") String id) {
        return service.view(id);
    }
}
