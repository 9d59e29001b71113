package io.steward.enrollment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A youth's place in a program, from a start date until withdrawal or its end date. */
@Entity
@Table(name = "enrollment")
public class Enrollment extends PanacheEntityBase {

    @Id public UUID id;

    @Column(name = "program_id", nullable = false)
    public UUID programId;

    @Column(name = "participant_id", nullable = false)
    public UUID participantId;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EnrollmentStatus status;

    /** An envelope, bound to this row ({@code enrollment/withdrawal_reason/id}). */
    @Column(name = "withdrawal_reason_sealed")
    public byte[] withdrawalReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version public long version;
}
