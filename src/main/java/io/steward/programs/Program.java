package io.steward.programs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.steward.organizations.Organization;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A program run by one provider at one site between two dates. */
@Entity
@Table(name = "program")
public class Program extends PanacheEntityBase {

    @Id public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "provider_id", nullable = false)
    public Organization provider;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String site;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    public Integer capacity;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version public long version;

    /** Whether the date falls within the program's dates, both ends included. */
    public boolean covers(LocalDate date) {
        return !date.isBefore(startDate) && !date.isAfter(endDate);
    }
}
