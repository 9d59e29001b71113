package io.steward.agreements;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.steward.organizations.Organization;
import io.steward.schooldata.DataCategory;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A written agreement under which a district shares school data with a recipient: DRAFT (by the
 * city), ACTIVE (signed by the district's steward), then TERMINATED by a party or EXPIRED by date.
 */
@Entity
@Table(name = "agreement")
public class Agreement extends PanacheEntityBase {

    /** The FERPA exception the agreement rests on. */
    public enum Basis {
        STUDIES,
        AUDIT_EVALUATION,
        SCHOOL_OFFICIAL
    }

    public enum Status {
        DRAFT,
        ACTIVE,
        TERMINATED,
        EXPIRED
    }

    @Id public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "district_id")
    public Organization district;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "recipient_id")
    public Organization recipient;

    @Enumerated(EnumType.STRING)
    public Basis basis;

    public String purpose;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "data_categories", columnDefinition = "text[]")
    public String[] dataCategories;

    @Column(name = "effective_from")
    public LocalDate effectiveFrom;

    @Column(name = "effective_until")
    public LocalDate effectiveUntil;

    @Column(name = "destroy_by")
    public LocalDate destroyBy;

    @Column(name = "minimum_cell_size")
    public int minimumCellSize;

    /** The stored status; read {@link #status(LocalDate)} for the status of a day. */
    @Enumerated(EnumType.STRING)
    @Column(name = "status")
    public Status storedStatus;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "signed_at")
    public Instant signedAt;

    @Column(name = "signed_by")
    public String signedBy;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "ended_by")
    public String endedBy;

    @Column(name = "end_reason")
    public String endReason;

    @Version public long version;

    /** DRAFT and ACTIVE agreements read as EXPIRED once {@code effectiveUntil} has passed. */
    public Status status(LocalDate today) {
        boolean open = storedStatus == Status.DRAFT || storedStatus == Status.ACTIVE;
        return open && today.isAfter(effectiveUntil) ? Status.EXPIRED : storedStatus;
    }

    /** Whether school data may flow under the agreement on this day. */
    public boolean inEffect(LocalDate today) {
        return status(today) == Status.ACTIVE && !today.isBefore(effectiveFrom);
    }

    public Set<DataCategory> categories() {
        return DataCategory.fromArray(dataCategories);
    }

    public String scope() {
        return scopeOf(id);
    }

    /** The data-key scope of an agreement's academic records. */
    public static String scopeOf(UUID agreementId) {
        return "agreement:" + agreementId;
    }
}
