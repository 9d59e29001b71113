package io.steward.participants;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A guardian named on a youth's record. Name, relationship and contacts are envelopes. */
@Entity
@Table(name = "guardian")
public class Guardian extends PanacheEntityBase {

    @Id public UUID id;

    @Column(name = "participant_id", nullable = false)
    public UUID participantId;

    /** Order in which the guardians were given, from 0. */
    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public byte[] name;

    @Column(name = "relationship_sealed", nullable = false)
    public byte[] relationship;

    public byte[] email;

    public byte[] phone;
}
