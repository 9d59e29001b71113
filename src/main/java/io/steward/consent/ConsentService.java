package io.steward.consent;

import io.steward.audit.AuditLog;
import io.steward.audit.Outcome;
import io.steward.common.ApiException;
import io.steward.common.CursorParts;
import io.steward.common.ETags;
import io.steward.common.FieldError;
import io.steward.common.Page;
import io.steward.common.PageRequest;
import io.steward.common.Versioned;
import io.steward.consent.ConsentView.EvidenceView;
import io.steward.consent.ConsentView.GrantorView;
import io.steward.consent.ConsentView.RevocationView;
import io.steward.crypto.Envelope;
import io.steward.crypto.FieldContext;
import io.steward.organizations.Organization;
import io.steward.organizations.OrganizationService;
import io.steward.organizations.OrganizationType;
import io.steward.schooldata.DataCategory;
import io.steward.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Records, lists and revokes consents. Nothing is updated or deleted. */
@ApplicationScoped
public class ConsentService {

    static final String SCOPE = "participant";

    @Inject ConsentRepository consents;
    @Inject ConsentAccess access;
    @Inject OrganizationService organizations;
    @Inject Envelope envelope;
    @Inject Caller caller;
    @Inject AuditLog audit;

    @Transactional
    public Versioned<ConsentView> create(UUID participantId, ConsentRequest request) {
        access.checkRecord(participantId, request.method());
        LocalDate today = today();
        checkDates(request, today);
        Organization recipient =
                organizations.require(
                        "recipientCode", request.recipientCode(), OrganizationType.PROVIDER);

        UUID id = UUID.randomUUID();
        String name = Normalizer.normalize(request.grantor().name().trim(), Normalizer.Form.NFC);
        Consent consent =
                new Consent(
                        id,
                        participantId,
                        envelope.encrypt(SCOPE, name, nameContext(id)),
                        envelope.encrypt(
                                SCOPE,
                                request.grantor().relationship().trim(),
                                relationshipContext(id)),
                        null,
                        recipient.code,
                        EnumSet.copyOf(request.dataCategories()),
                        request.purpose().trim(),
                        request.signedOn(),
                        request.validFrom(),
                        request.validUntil(),
                        request.method(),
                        request.evidence().sha256().toLowerCase(Locale.ROOT),
                        request.evidence().mediaType().toLowerCase(Locale.ROOT),
                        Instant.now().truncatedTo(ChronoUnit.MICROS),
                        caller.subject(),
                        caller.org().orElse(null),
                        null,
                        null,
                        null);
        consents.insert(consent, recipient.id);

        audit.record("consent.create", resource(consent), List.of(participantId), Outcome.SUCCESS);
        return new Versioned<>(view(consent, today), consent.version());
    }

    @Transactional
    public Page<ConsentView> list(UUID participantId, PageRequest page) {
        access.checkRead(participantId, "consent.list");

        Instant afterAt = page.first() ? null : CursorParts.instant(page, 0);
        UUID afterId = page.first() ? null : CursorParts.uuid(page, 1);
        List<Consent> rows = consents.page(participantId, afterAt, afterId, page.limit());

        audit.record(
                "consent.list",
                "participants/" + participantId + "/consents",
                List.of(participantId),
                Outcome.SUCCESS);
        LocalDate today = today();
        return Page.of(
                rows,
                page,
                c -> view(c, today),
                c -> new String[] {c.recordedAt().toString(), c.id().toString()});
    }

    @Transactional
    public Versioned<ConsentView> get(UUID participantId, UUID consentId) {
        Consent consent = require(participantId, consentId, false, "consent.read");
        access.checkReadOne(consent, "consent.read");

        audit.record("consent.read", resource(consent), List.of(participantId), Outcome.SUCCESS);
        return new Versioned<>(view(consent, today()), consent.version());
    }

    @Transactional
    public Versioned<ConsentView> revoke(
            UUID participantId, UUID consentId, RevocationRequest request, String ifMatch) {
        Consent consent = require(participantId, consentId, true, "consent.revoke");
        access.checkRevoke(consent);
        ETags.check(ifMatch, consent.version());
        if (consent.revokedAt() != null) {
            throw ApiException.conflict("The consent is already revoked.");
        }

        String reason = request == null || request.reason() == null ? null : request.reason();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        consents.revoke(
                consentId,
                at,
                caller.subject(),
                caller.org().orElse(null),
                envelope.encrypt(SCOPE, reason, reasonContext(consentId)));
        Consent revoked = consents.find(participantId, consentId, false).orElseThrow();

        audit.record("consent.revoke", resource(consent), List.of(participantId), Outcome.SUCCESS);
        return new Versioned<>(view(revoked, today()), revoked.version());
    }

    private Consent require(UUID participantId, UUID consentId, boolean lock, String action) {
        return consents.find(participantId, consentId, lock)
                .orElseThrow(() -> access.hidden(action, participantId));
    }

    private static void checkDates(ConsentRequest request, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (request.signedOn().isAfter(today)) {
            errors.add(FieldError.field("signedOn", "must not be in the future"));
        }
        if (request.validUntil().isBefore(request.validFrom())) {
            errors.add(FieldError.field("validUntil", "must not be before validFrom"));
        } else if (request.validUntil().isBefore(request.signedOn())) {
            errors.add(FieldError.field("validUntil", "must not be before signedOn"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private ConsentView view(Consent c, LocalDate today) {
        RevocationView revocation =
                c.revokedAt() == null
                        ? null
                        : new RevocationView(
                                c.revokedAt(),
                                c.revokedBy(),
                                envelope.decrypt(c.revocationReason(), reasonContext(c.id())));
        return new ConsentView(
                c.id(),
                c.participantId(),
                new GrantorView(
                        envelope.decrypt(c.grantorName(), nameContext(c.id())), relationship(c)),
                c.recipientCode(),
                DataCategory.sorted(c.dataCategories()),
                c.purpose(),
                c.signedOn(),
                c.validFrom(),
                c.validUntil(),
                c.method(),
                new EvidenceView(c.evidenceSha256(), c.evidenceMediaType()),
                c.status(today),
                c.recordedAt(),
                c.recordedBy(),
                revocation);
    }

    /** The sealed relationship; a plaintext one only until the row is sealed. */
    private String relationship(Consent c) {
        return c.grantorRelationship() == null
                ? c.plaintextRelationship()
                : envelope.decrypt(c.grantorRelationship(), relationshipContext(c.id()));
    }

    static String resource(Consent c) {
        return "participants/" + c.participantId() + "/consents/" + c.id();
    }

    static FieldContext nameContext(UUID id) {
        return FieldContext.of("consent", "grantor_name", id);
    }

    static FieldContext relationshipContext(UUID id) {
        return FieldContext.of("consent", "grantor_relationship", id);
    }

    static FieldContext reasonContext(UUID id) {
        return FieldContext.of("consent_revocation", "reason", id);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
