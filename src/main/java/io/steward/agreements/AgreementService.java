package io.steward.agreements;

import io.steward.agreements.destruction.Destruction;
import io.steward.agreements.destruction.DestructionView;
import io.steward.audit.AuditLog;
import io.steward.audit.Outcome;
import io.steward.common.ApiException;
import io.steward.common.Cursors;
import io.steward.common.ETags;
import io.steward.common.FieldError;
import io.steward.common.Ids;
import io.steward.common.Page;
import io.steward.common.PageRequest;
import io.steward.common.Versioned;
import io.steward.organizations.Organization;
import io.steward.organizations.OrganizationService;
import io.steward.organizations.OrganizationType;
import io.steward.schooldata.DataCategory;
import io.steward.security.Caller;
import io.steward.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/** Drafts, signs, terminates and shows agreements. */
@ApplicationScoped
public class AgreementService {

    @Inject AgreementRepository agreements;
    @Inject AgreementAccess access;
    @Inject OrganizationService organizations;
    @Inject Destruction destruction;
    @Inject Caller caller;
    @Inject AuditLog audit;

    @Transactional
    public Versioned<AgreementView> create(AgreementRequest request) {
        LocalDate today = today();
        checkDates(request, today);
        Organization district =
                organizations.require(
                        "districtCode", request.districtCode(), OrganizationType.DISTRICT);
        Organization recipient =
                organizations.require("recipientCode", request.recipientCode(), null);
        if (recipient.type == OrganizationType.DISTRICT) {
            throw ApiException.invalid("recipientCode", "must not be a district");
        }

        Agreement a = new Agreement();
        a.id = UUID.randomUUID();
        a.district = district;
        a.recipient = recipient;
        a.basis = request.basis();
        a.purpose = request.purpose().trim();
        a.dataCategories = DataCategory.toArray(EnumSet.copyOf(request.dataCategories()));
        a.effectiveFrom = request.effectiveFrom();
        a.effectiveUntil = request.effectiveUntil();
        a.destroyBy = request.destroyBy();
        a.minimumCellSize =
                request.minimumCellSize() == null
                        ? AgreementRequest.DEFAULT_MINIMUM_CELL_SIZE
                        : request.minimumCellSize();
        a.storedStatus = Agreement.Status.DRAFT;
        a.createdAt = now();
        a.createdBy = caller.subject();
        agreements.persistAndFlush(a);

        audit.record("agreement.create", resource(a.id), List.of(), Outcome.SUCCESS);
        return versioned(a, today);
    }

    @Transactional
    public Versioned<AgreementView> sign(UUID id, String ifMatch) {
        Agreement a = agreements.lock(id).orElseThrow(ApiException::notFound);
        access.checkSign(a);
        ETags.check(ifMatch, a.version);
        LocalDate today = today();
        if (a.status(today) != Agreement.Status.DRAFT) {
            throw ApiException.conflict("Only a DRAFT agreement can be signed.");
        }

        a.storedStatus = Agreement.Status.ACTIVE;
        a.signedAt = now();
        a.signedBy = caller.subject();
        agreements.flush();

        audit.record("agreement.sign", resource(id), List.of(), Outcome.SUCCESS);
        return versioned(a, today);
    }

    /** Ends the agreement and destroys its academic records and their data key at once. */
    @Transactional
    public Versioned<AgreementView> terminate(UUID id, TerminationRequest request, String ifMatch) {
        Agreement a = agreements.lock(id).orElseThrow(ApiException::notFound);
        access.checkTerminate(a);
        ETags.check(ifMatch, a.version);
        LocalDate today = today();
        Agreement.Status status = a.status(today);
        if (status != Agreement.Status.DRAFT && status != Agreement.Status.ACTIVE) {
            throw ApiException.conflict("Only a DRAFT or ACTIVE agreement can be terminated.");
        }

        String reason =
                request == null || request.reason() == null ? null : request.reason().trim();
        a.storedStatus = Agreement.Status.TERMINATED;
        a.endedAt = now();
        a.endedBy = caller.subject();
        a.endReason = reason;
        agreements.flush();
        destruction.destroy(a.id, Destruction.Cause.TERMINATION, reason, caller.subject());

        audit.record("agreement.terminate", resource(id), List.of(), Outcome.SUCCESS);
        return versioned(a, today);
    }

    public Page<AgreementView> list(PageRequest page) {
        UUID after = null;
        if (!page.first()) {
            after = Ids.parseOrNull(page.after().get(0));
            if (after == null) {
                throw Cursors.refused();
            }
        }
        List<Agreement> rows =
                agreements.page(
                        caller.has(Role.CITY_ADMIN),
                        access.stewardDistrict(),
                        access.recipientOrg(),
                        after,
                        page.limit());
        LocalDate today = today();
        return Page.of(
                rows, page, a -> AgreementView.of(a, today), a -> new String[] {a.id.toString()});
    }

    public Versioned<AgreementView> get(UUID id) {
        Agreement a = agreements.findByIdOptional(id).orElseThrow(ApiException::notFound);
        access.checkSee(a);
        return versioned(a, today());
    }

    public DestructionView destruction(UUID id) {
        Agreement a = agreements.findByIdOptional(id).orElseThrow(ApiException::notFound);
        access.checkSee(a);
        return destruction.certificate(id).orElseThrow(ApiException::notFound);
    }

    private static void checkDates(AgreementRequest request, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (request.effectiveUntil().isBefore(request.effectiveFrom())) {
            errors.add(FieldError.field("effectiveUntil", "must not be before effectiveFrom"));
        } else if (request.effectiveUntil().isBefore(today)) {
            errors.add(FieldError.field("effectiveUntil", "must not be in the past"));
        }
        if (request.destroyBy().isBefore(request.effectiveUntil())) {
            errors.add(FieldError.field("destroyBy", "must not be before effectiveUntil"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private static Versioned<AgreementView> versioned(Agreement a, LocalDate today) {
        return new Versioned<>(AgreementView.of(a, today), a.version);
    }

    static String resource(UUID id) {
        return "agreements/" + id;
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
