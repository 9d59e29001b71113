package io.steward.participants;

import io.steward.crypto.BlindIndex;
import io.steward.crypto.Envelope;
import io.steward.crypto.FieldContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Seals a youth's personal fields into envelopes of scope {@code participant}, each bound to its
 * table, column and row id, and opens them again. The birth date is sealed as its ISO text. The
 * natural key is only ever stored as a blind index.
 */
@ApplicationScoped
public class ParticipantCipher {

    public static final String SCOPE = "participant";

    @Inject Envelope envelope;
    @Inject BlindIndex blindIndex;

    /** The blind index of the natural key, compared case-insensitively after trimming. */
    public byte[] studentKey(String districtCode, String districtStudentId) {
        return blindIndex.of(
                "student",
                districtCode.trim().toLowerCase(Locale.ROOT),
                districtStudentId.trim().toLowerCase(Locale.ROOT));
    }

    public Participant seal(UUID id, ParticipantInput in, byte[] studentKey) {
        Participant p = new Participant();
        p.id = id;
        p.firstName = seal(in.firstName(), "participant", "first_name", id);
        p.lastName = seal(in.lastName(), "participant", "last_name", id);
        p.dateOfBirth = seal(in.dateOfBirth().toString(), "participant", "date_of_birth", id);
        p.gradeLevel = in.gradeLevel();
        p.districtCode = in.districtCode();
        p.districtStudentId =
                seal(in.districtStudentId(), "participant", "district_student_id", id);
        p.schoolCode = in.schoolCode();
        p.studentKey = studentKey;
        p.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return p;
    }

    public Guardian seal(UUID participantId, int position, ParticipantInput.GuardianInput in) {
        Guardian g = new Guardian();
        g.id = UUID.randomUUID();
        g.participantId = participantId;
        g.position = position;
        g.name = seal(in.name(), "guardian", "name", g.id);
        g.relationship = seal(in.relationship(), "guardian", "relationship", g.id);
        g.email = seal(in.email(), "guardian", "email", g.id);
        g.phone = seal(in.phone(), "guardian", "phone", g.id);
        return g;
    }

    public LocalDate dateOfBirth(Participant p) {
        return dateOfBirth(p.id, p.dateOfBirth);
    }

    /** Opens a birth date read as a column, without loading the participant. */
    public LocalDate dateOfBirth(UUID participantId, byte[] sealed) {
        return LocalDate.parse(open(sealed, "participant", "date_of_birth", participantId));
    }

    public ParticipantView open(Participant p, List<Guardian> guardians) {
        return new ParticipantView(
                p.id,
                open(p.firstName, "participant", "first_name", p.id),
                open(p.lastName, "participant", "last_name", p.id),
                dateOfBirth(p),
                p.gradeLevel,
                p.districtCode,
                open(p.districtStudentId, "participant", "district_student_id", p.id),
                p.schoolCode,
                guardians.stream().map(this::open).toList(),
                p.createdAt);
    }

    private ParticipantView.GuardianView open(Guardian g) {
        return new ParticipantView.GuardianView(
                open(g.name, "guardian", "name", g.id),
                open(g.relationship, "guardian", "relationship", g.id),
                open(g.email, "guardian", "email", g.id),
                open(g.phone, "guardian", "phone", g.id));
    }

    private byte[] seal(String text, String table, String column, UUID rowId) {
        return envelope.encrypt(SCOPE, text, FieldContext.of(table, column, rowId));
    }

    private String open(byte[] sealed, String table, String column, UUID rowId) {
        return envelope.decrypt(sealed, FieldContext.of(table, column, rowId));
    }
}
