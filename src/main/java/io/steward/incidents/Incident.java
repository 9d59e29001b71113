package io.steward.incidents;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "incident")
public class Incident extends PanacheEntityBase {

    @Id public UUID id;

    @Column(nullable = false)
    public String title;

    @Column(name = "discovered_at", nullable = false)
    public Instant discoveredAt;

    @Column(name = "suspected_actor", nullable = false)
    public String suspectedActor;

    @Column(name = "window_from", nullable = false)
    public Instant windowFrom;

    @Column(name = "window_to", nullable = false)
    public Instant windowTo;

    /** Envelope ciphertext, scope {@code incident}. */
    public byte[] description;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
