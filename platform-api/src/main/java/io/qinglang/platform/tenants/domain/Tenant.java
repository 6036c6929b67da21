package io.qinglang.platform.tenants.domain;

import io.qinglang.platform.shared.domain.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/**
 * An organisation on the platform. Created by onboarding from a {@link TenantTemplate}; the platform
 * operator may suspend it (it then accepts no reports) and reactivate it. Its data key, wrapped by the
 * platform key, encrypts reporters' identities and evidence at rest.
 */
@Entity
@Table(name = "tenants")
public class Tenant {

    /** The shortest retention of a closed case a body may choose (DESIGN.md "Archive": at least two years). */
    public static final int MIN_RETENTION_MONTHS = 24;
    /** The longest: thirty years. */
    public static final int MAX_RETENTION_MONTHS = 360;

    @Id
    private UUID id;
    private String slug;
    @Column(name = "name_zh")
    private String nameZh;
    @Column(name = "name_en")
    private String nameEn;
    @Column(name = "time_zone")
    private String timeZone;
    @Column(name = "contact_email")
    private String contactEmail;
    @Column(name = "contact_phone")
    private String contactPhone;
    @Enumerated(EnumType.STRING)
    private TenantTemplate template;
    @Enumerated(EnumType.STRING)
    private TenantStatus status;
    @Column(name = "reference_prefix")
    private String referencePrefix;
    @Column(name = "organization_id")
    private String organizationId;
    @Column(name = "wrapped_data_key")
    private byte[] wrappedDataKey;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "rest_days")
    private String restDays = "SATURDAY,SUNDAY";
    @Column(name = "leaves_at")
    private Instant leavesAt;
    @Column(name = "left_at")
    private Instant leftAt;
    @Column(name = "retention_months")
    private int retentionMonths = MIN_RETENTION_MONTHS;
    @Version
    private long version;
    /** Moved by the database whenever the tenant's deadline policies or working calendar change (V028). */
    @Column(name = "rules_version", insertable = false, updatable = false)
    private long rulesVersion;

    protected Tenant() {
    }

    public Tenant(TenantId id, TenantProfile profile, TenantTemplate template, byte[] wrappedDataKey, Instant now) {
        this.id = id.value();
        this.slug = profile.slug();
        this.nameZh = profile.nameZh();
        this.nameEn = profile.nameEn();
        this.timeZone = profile.timeZone().getId();
        this.contactEmail = profile.contactEmail();
        this.contactPhone = profile.contactPhone();
        this.template = Objects.requireNonNull(template);
        this.status = TenantStatus.ACTIVE;
        this.referencePrefix = template.referencePrefix();
        this.retentionMonths = template.retentionMonths();
        this.wrappedDataKey = wrappedDataKey.clone();
        this.createdAt = now;
    }

    /** Refuses intake unless active. */
    public void requireAcceptingReports() {
        if (status != TenantStatus.ACTIVE) {
            throw new TenantSuspended(slug, status);
        }
    }

    /** Stops intake; refuses a tenant that is not active (a second click, another operator first, or leaving). */
    public void suspend() {
        if (status != TenantStatus.ACTIVE) {
            throw new TenantStatusUnchanged(slug, status);
        }
        status = TenantStatus.SUSPENDED;
    }

    /** Opens intake again; refuses a tenant that is not suspended (a leaving one stays first). */
    public void reactivate() {
        if (status != TenantStatus.SUSPENDED) {
            throw new TenantStatusUnchanged(slug, status);
        }
        status = TenantStatus.ACTIVE;
    }

    /** The operator closes a suspended body: it leaves at {@code leavesAt}, when its grace period ends. */
    public void leave(Instant leavesAt) {
        if (status != TenantStatus.SUSPENDED) {
            throw new TenantStatusUnchanged(slug, status);
        }
        status = TenantStatus.LEAVING;
        this.leavesAt = leavesAt;
    }

    /** The body stays after all (within its grace period): it is suspended again, its data untouched. */
    public void stay() {
        if (status != TenantStatus.LEAVING) {
            throw new TenantStatusUnchanged(slug, status);
        }
        status = TenantStatus.SUSPENDED;
        leavesAt = null;
    }

    /**
     * The body has left: its data was deleted, and its key is shredded here, so nothing sealed under it can be read
     * again whatever copy remains (a backup, a row missed).
     */
    public void left(Instant now) {
        if (status != TenantStatus.LEAVING) {
            throw new TenantStatusUnchanged(slug, status);
        }
        status = TenantStatus.LEFT;
        leftAt = now;
        leavesAt = null;
        wrappedDataKey = new byte[0];
    }

    /** When a leaving body's grace period ends. */
    public java.util.Optional<Instant> leavesAt() {
        return java.util.Optional.ofNullable(leavesAt);
    }

    /** When the body left the platform. */
    public java.util.Optional<Instant> leftAt() {
        return java.util.Optional.ofNullable(leftAt);
    }

    /** Links the tenant to its organization in the identity provider, once. */
    public void linkOrganization(String organizationId) {
        if (this.organizationId != null && !this.organizationId.equals(organizationId)) {
            throw new IllegalStateException("tenant " + slug + " is already linked to an organization");
        }
        this.organizationId = organizationId;
    }

    /** The body has left: its organization is gone from the identity provider. */
    public void unlinkOrganization() {
        this.organizationId = null;
    }

    public TenantId id() {
        return new TenantId(id);
    }

    public String slug() {
        return slug;
    }

    public TenantProfile profile() {
        return new TenantProfile(slug, nameZh, nameEn, ZoneId.of(timeZone), contactEmail, contactPhone);
    }

    public TenantTemplate template() {
        return template;
    }

    public TenantStatus status() {
        return status;
    }

    public String referencePrefix() {
        return referencePrefix;
    }

    public String organizationId() {
        return organizationId;
    }

    public byte[] wrappedDataKey() {
        return wrappedDataKey.clone();
    }

    /**
     * Changes with every change of the tenant's deadline policies or working calendar, committed with the change:
     * what was derived from them at the same number is still what they say.
     */
    public long rulesVersion() {
        return rulesVersion;
    }

    /** Changes with every change of the tenant's own settings; a form read at an older version is stale. */
    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** The weekdays the tenant does not work, unless its calendar lists one as a make-up working day. */
    public java.util.Set<java.time.DayOfWeek> restDays() {
        return restDaysOf(restDays);
    }

    /** The rest days as the {@code tenants.rest_days} column stores them ({@code SATURDAY,SUNDAY}), read. */
    public static java.util.Set<java.time.DayOfWeek> restDaysOf(String column) {
        java.util.Set<java.time.DayOfWeek> days = java.util.EnumSet.noneOf(java.time.DayOfWeek.class);
        if (column != null && !column.isBlank()) {
            java.util.Arrays.stream(column.split(",")).map(String::trim).map(java.time.DayOfWeek::valueOf)
                    .forEach(days::add);
        }
        return days;
    }

    /**
     * How many months after a case ended its personal data is kept: its reporter's identity and contact, evidence
     * and free text. Then the retention purge erases them and keeps the case's record.
     */
    public int retentionMonths() {
        return retentionMonths;
    }

    /** Changes the retention of ended cases; never shorter than {@link #MIN_RETENTION_MONTHS}. */
    public void reviseRetention(int months) {
        if (months < MIN_RETENTION_MONTHS || months > MAX_RETENTION_MONTHS) {
            throw new IllegalArgumentException("retention must be " + MIN_RETENTION_MONTHS + " to "
                    + MAX_RETENTION_MONTHS + " months");
        }
        this.retentionMonths = months;
    }

    /** Sets the time zone days are counted in and the weekly rest days; at least one weekday must be worked. */
    public void reviseWorkingWeek(ZoneId zone, java.util.Set<java.time.DayOfWeek> rest) {
        if (rest.size() >= java.time.DayOfWeek.values().length) {
            throw new IllegalArgumentException("a working week needs at least one working day");
        }
        this.timeZone = zone.getId();
        this.restDays = rest.stream().sorted().map(Enum::name).collect(java.util.stream.Collectors.joining(","));
    }
}
