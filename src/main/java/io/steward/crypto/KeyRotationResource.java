package io.steward.crypto;

import io.steward.audit.AuditLog;
import io.steward.audit.Outcome;
import io.steward.common.NoBody;
import io.steward.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.util.List;

/** Master key rotation, on schedule or on suspicion of compromise (NIST SP 800-57). */
@Path("/api/v1/admin/keys/rotation")
@Produces(MediaType.APPLICATION_JSON)
public class KeyRotationResource {

    @Inject KeyRotation rotation;
    @Inject AuditLog audit;

    /** Takes no body ({@link NoBody}). */
    @POST
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Role.CITY_ADMIN)
    @Transactional
    public Response rotate(InputStream body) throws GeneralSecurityException {
        NoBody.require(body);

        RotationView view = rotation.rotate();

        audit.record(
                "keys.rotate", "admin/keys/" + view.primaryKeyId(), List.of(), Outcome.SUCCESS);
        return Response.accepted(view).build();
    }
}
