package io.steward.audit;

import io.steward.common.ApiException;
import io.steward.common.Cursors;
import io.steward.common.Dates;
import io.steward.common.Ids;
import io.steward.common.Instants;
import io.steward.common.Page;
import io.steward.common.PageRequest;
import io.steward.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** The audit trail, for auditors: who did what to whose records, and whether it is intact. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.AUDITOR)
public class AuditResource {

    static final String FORM =
            "must be a UTC instant (YYYY-MM-DDTHH:MM:SS[.fraction]Z, a fraction of at most 6"
                    + " digits) or a YYYY-MM-DD date";

    @Inject AuditQuery query;
    @Inject Cursors cursors;
    @Inject ChainVerifier verifier;
    @Inject ChainWriter writer;

    /**
     * Linked events in chain order, after linking every event committed so far. An event that
     * commits later is linked with a higher {@code seq}, so paging by {@code seq} misses none. The
     * window is {@code from} (inclusive) to {@code to} (exclusive); {@code from} after {@code to}
     * is a 400 naming {@code from}. A cursor is bound to the filters it was given out with.
     */
    @GET
    @Path("/events")
    public Page<AuditEventView> events(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("actor") String actor,
            @QueryParam("participantId") String participantId,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        AuditFilter filter =
                new AuditFilter(
                        instant("from", from),
                        instant("to", to),
                        actor,
                        uuid("participantId", participantId));
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            throw ApiException.invalid("from", "must not be after to");
        }
        PageRequest page = cursors.page(limit, cursor, filter.scope(), 1);
        long after = page.first() ? 0 : parseSeq(page.after().get(0));

        writer.linkPending();
        List<AuditEventView> rows = query.find(filter, after, page.limit() + 1);
        return Page.of(rows, page, e -> e, e -> new String[] {Long.toString(e.seq())});
    }

    @GET
    @Path("/verification")
    public VerificationView verification() {
        return verifier.verify();
    }

    /**
     * Accepts an instant in the strict form ({@code 2026-01-01T00:00:00Z}, {@link Instants}) or a
     * date (midnight UTC).
     */
    static Instant instant(String name, String text) {
        if (text == null) {
            return null;
        }
        Instant instant = Instants.parseOrNull(text);
        if (instant == null) {
            LocalDate date = Dates.parseOrNull(text);
            if (date == null) {
                throw ApiException.invalid(name, FORM);
            }
            return date.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        if (!Instants.inRange(instant)) {
            throw ApiException.invalid(name, Instants.RANGE);
        }
        return instant;
    }

    static UUID uuid(String name, String text) {
        return Ids.param(name, text);
    }

    private static long parseSeq(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw Cursors.refused();
        }
    }
}
