package io.steward.participants;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A youth. Names, birth date and student id are envelopes ({@link ParticipantCipher}); {@code
 * studentKey} is the blind index of the natural key (districtCode, districtStudentId).
 */
@Entity
@Table(name = "participant")
public class Participant extends PanacheEntityBase {

    @Id public UUID id;

    @Column(name = "first_name", nullable = false)
    public byte[] firstName;

    @Column(name = "last_name", nullable = false)
    public byte[] lastName;

    @Column(name = "date_of_birth", nullable = false)
    public byte[] dateOfBirth;

    @Column(name = "grade_level", nullable = false)
    public String gradeLevel;

    @Column(name = "district_code")
    public String districtCode;

    @Column(name = "district_student_id")
    public byte[] districtStudentId;

    @Column(name = "school_code")
    public String schoolCode;

    @Column(name = "student_key")
    public byte[] studentKey;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version public long version;
}
