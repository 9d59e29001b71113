package io.steward.common;

import jakarta.ws.rs.core.Response;
import java.net.URI;

/** An answer body together with the row version its {@code ETag} is made from. */
public record Versioned<T>(T body, long version) {

    public Response ok() {
        return Response.ok(body).header("ETag", ETags.of(version)).build();
    }

    public Response created(URI location) {
        return Response.created(location).header("ETag", ETags.of(version)).entity(body).build();
    }
}
