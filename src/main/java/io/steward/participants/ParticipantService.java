package io.steward.participants;

import io.steward.audit.AuditLog;
import io.steward.audit.Outcome;
import io.steward.common.ApiException;
import io.steward.common.Page;
import io.steward.common.PageRequest;
import io.steward.common.Versioned;
import io.steward.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ParticipantService {

    /** A post's result: a new youth ({@code created}), or the id of the youth it matched. */
    public record Posted(Versioned<ParticipantView> created, UUID matchedId) {}

    @Inject ParticipantRepository participants;
    @Inject ParticipantCipher cipher;
    @Inject ParticipantAccess access;
    @Inject AuditLog audit;
    @Inject MatchLimit matchLimit;
    @Inject Caller caller;

    @Transactional
    public Posted create(ParticipantRequest request) {
        ParticipantInput input = ParticipantInput.of(request);
        if (!access.canCreate()) {
            throw ApiException.forbidden();
        }

        byte[] key = null;
        if (input.hasStudentKey()) {
            key = cipher.studentKey(input.districtCode(), input.districtStudentId());
            participants.lockStudentKey(key);
            checkMatchLimit(key);
            Participant existing = participants.findByStudentKey(key).orElse(null);
            if (existing != null) {
                return matchOrRefuse(existing, input, key);
            }
        }
        UUID id = UUID.randomUUID();
        Participant participant = cipher.seal(id, input, key);
        participants.persist(participant);
        for (int i = 0; i < input.guardians().size(); i++) {
            participants.addGuardian(cipher.seal(id, i, input.guardians().get(i)));
        }
        participants.flush();
        participants.claim(id, caller.org().orElseThrow(), "CREATED");

        audit.record("participant.create", "participants/" + id, List.of(id), Outcome.SUCCESS);
        ParticipantView view = cipher.open(participant, participants.guardiansOf(id));
        return new Posted(new Versioned<>(view, participant.version), null);
    }

    /**
     * Before the key is looked up: 429 once this key or this caller had too many refused matches.
     * The audit event names no youth, so a 429 is recorded alike whether the key exists or not.
     */
    private void checkMatchLimit(byte[] key) {
        try {
            matchLimit.check(key, caller.subject());
        } catch (ApiException e) {
            audit.recordAlone("participant.match", "participants", List.of(), Outcome.DENIED);
            throw e;
        }
    }

    /** Same key and birth date: the existing youth. Same key alone: 409 that says nothing more. */
    private Posted matchOrRefuse(Participant existing, ParticipantInput input, byte[] key) {
        List<UUID> ids = List.of(existing.id);
        if (cipher.dateOfBirth(existing).equals(input.dateOfBirth())) {
            participants.claim(existing.id, caller.org().orElseThrow(), "MATCHED");
            audit.record("participant.match", "participants/" + existing.id, ids, Outcome.SUCCESS);
            return new Posted(null, existing.id);
        }
        matchLimit.refused(key, caller.subject());
        audit.recordAlone("participant.match", "participants", ids, Outcome.DENIED);
        throw ApiException.conflict("The youth conflicts with an existing record.");
    }

    /** An answer to a create, given again for its Idempotency-Key: it shows the youth again. */
    public void replayed(UUID id) {
        audit.record("participant.replay", "participants/" + id, List.of(id), Outcome.SUCCESS);
    }

    @Transactional
    public Versioned<ParticipantView> get(UUID id) {
        String resource = "participants/" + id;
        if (!access.canRead(id)) {
            throw access.hidden(id, "participant.read", resource);
        }

        Participant participant = participants.findById(id);
        ParticipantView view = cipher.open(participant, participants.guardiansOf(id));

        audit.record("participant.read", resource, List.of(id), Outcome.SUCCESS);
        return new Versioned<>(view, participant.version);
    }

    /** Exact lookup by natural key, through the blind index and within the caller's scope. */
    @Transactional
    public Page<ParticipantView> lookup(String districtCode, String studentId, PageRequest page) {
        if (districtCode == null || districtCode.isBlank()) {
            throw ApiException.invalid("districtCode", "is required");
        }
        if (studentId == null || studentId.isBlank()) {
            throw ApiException.invalid("districtStudentId", "is required");
        }
        if (districtCode.length() > 40 || studentId.length() > 64) {
            String field = districtCode.length() > 40 ? "districtCode" : "districtStudentId";
            throw ApiException.invalid(field, "is longer than any stored value");
        }

        byte[] key = cipher.studentKey(districtCode, studentId);
        List<Participant> found =
                page.first() ? participants.visibleByStudentKey(key, access) : List.of();
        List<ParticipantView> views =
                found.stream().map(p -> cipher.open(p, participants.guardiansOf(p.id))).toList();

        auditLookup(key, found);
        return Page.of(views, page, v -> v, v -> new String[] {v.id().toString()});
    }

    /** A lookup that found a youth outside the caller's scope is recorded as denied. */
    private void auditLookup(byte[] key, List<Participant> found) {
        if (!found.isEmpty()) {
            List<UUID> ids = found.stream().map(p -> p.id).toList();
            audit.record("participant.lookup", "participants", ids, Outcome.SUCCESS);
            return;
        }
        UUID hidden = participants.findByStudentKey(key).map(p -> p.id).orElse(null);
        audit.record(
                "participant.lookup",
                "participants",
                hidden == null ? List.of() : List.of(hidden),
                hidden == null ? Outcome.SUCCESS : Outcome.DENIED);
    }
}
