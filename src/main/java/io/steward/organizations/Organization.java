package io.steward.organizations;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A provider, district, evaluator or coordinating body, known by its stable code. */
@Entity
@Table(name = "organization")
public class Organization extends PanacheEntityBase {

    @Id public UUID id;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrganizationType type;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version public long version;
}
