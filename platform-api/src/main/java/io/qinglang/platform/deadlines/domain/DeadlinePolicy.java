package io.qinglang.platform.deadlines.domain;

import io.qinglang.platform.shared.domain.CaseScope;
import io.qinglang.platform.shared.domain.NullableUuid;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * How long one stage of handling may take at one tenant, optionally only for one category and/or severity
 * ({@code severity} holds a case severity's name; the deadlines domain does not depend on cases), with the
 * extension rule and the escalation thresholds (percentages of the period) that raise alerts.
 *
 * <p>Policies are versioned: a change retires the policy in force and adds its successor, so a case's clock
 * keeps the rules it started under (they are also copied onto the case's deadline) and the history stays
 * readable. Only policies not retired are in force.
 */
@Entity
@Table(name = "deadline_policies")
public class DeadlinePolicy {

    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    private DeadlineStage stage;
    @Column(name = "category_code")
    private String categoryCode;
    private int amount;
    @Enumerated(EnumType.STRING)
    private DurationUnit unit;
    @Column(name = "extension_amount")
    private int extensionAmount;
    @Enumerated(EnumType.STRING)
    @Column(name = "extension_unit")
    private DurationUnit extensionUnit;
    @Column(name = "extension_needs_approval")
    private boolean extensionNeedsApproval;
    @Column(name = "alert_percents")
    private String alertPercents;
    @Column(name = "pauses_while_waiting")
    private boolean pausesWhileWaiting;
    private String severity;
    private boolean published = true;
    @Column(name = "effective_from")
    private Instant effectiveFrom;
    @Column(name = "retired_at")
    private Instant retiredAt;
    @Column(name = "created_by")
    private String createdBy;
    @Convert(converter = NullableUuid.class)
    private UUID supersedes;

    protected DeadlinePolicy() {
    }

    public DeadlinePolicy(DeadlineStage stage, String categoryCode, HandlingPeriod period, HandlingPeriod extension,
                          boolean extensionNeedsApproval, List<Integer> alertPercents, boolean pausesWhileWaiting) {
        this.id = UUID.randomUUID();
        this.stage = stage;
        this.categoryCode = categoryCode;
        this.amount = period.amount();
        this.unit = period.unit();
        this.extensionAmount = extension == null ? 0 : extension.amount();
        this.extensionUnit = extension == null ? null : extension.unit();
        this.extensionNeedsApproval = extensionNeedsApproval;
        this.alertPercents = AlertPercents.format(alertPercents);
        this.pausesWhileWaiting = pausesWhileWaiting;
        this.effectiveFrom = Instant.EPOCH;
    }

    /** An admin's policy, in force from {@code now}, replacing {@code supersedes} if that is not null. */
    public static DeadlinePolicy adopted(DeadlineStage stage, String categoryCode, String severity, HandlingPeriod period,
                                         HandlingPeriod extension, boolean extensionNeedsApproval,
                                         List<Integer> alertPercents, boolean pausesWhileWaiting, boolean published,
                                         String adoptedBy, DeadlinePolicy supersedes, Instant now) {
        DeadlinePolicy p = new DeadlinePolicy(stage, categoryCode, period, extension, extensionNeedsApproval,
                alertPercents, pausesWhileWaiting);
        p.severity = severity;
        p.published = published;
        p.effectiveFrom = now;
        p.createdBy = adoptedBy;
        p.supersedes = supersedes == null ? null : supersedes.id;
        return p;
    }

    /** A template's policy comes into force when its tenant is onboarded. */
    public DeadlinePolicy inForceFrom(Instant onboardedAt) {
        this.effectiveFrom = onboardedAt;
        return this;
    }

    /** Takes the policy out of force; clocks already started under it keep their deadlines. */
    public void retire(Instant now) {
        if (retiredAt == null) {
            retiredAt = now;
        }
    }

    /** Whether this policy governs the stage for a case of the given category and severity. */
    public boolean appliesTo(DeadlineStage stage, String categoryCode) {
        return appliesTo(stage, categoryCode, null);
    }

    /** Whether this policy governs the stage for a case of the given category and severity (by name). */
    public boolean appliesTo(DeadlineStage stage, String categoryCode, String severity) {
        return retiredAt == null && this.stage == stage && CaseScope.covers(this.categoryCode, this.severity, categoryCode, severity);
    }

    /**
     * How narrowly the policy is scoped: category and severity (3) beat category (2), which beats severity (1),
     * which beats the stage's default (0).
     */
    public int specificity() {
        return CaseScope.specificity(categoryCode, severity);
    }

    /** Whether the two govern the same stage, category and severity, so only one may be in force. */
    public boolean sameScope(DeadlineStage stage, String categoryCode, String severity) {
        return this.stage == stage && CaseScope.same(this.categoryCode, this.severity, categoryCode, severity);
    }

    public boolean categorySpecific() {
        return categoryCode != null;
    }

    public String severity() {
        return severity;
    }

    public boolean published() {
        return published;
    }

    public Instant effectiveFrom() {
        return effectiveFrom;
    }

    public Instant retiredAt() {
        return retiredAt;
    }

    public boolean inForce() {
        return retiredAt == null;
    }

    public String createdBy() {
        return createdBy;
    }

    public UUID supersedes() {
        return supersedes;
    }

    public UUID id() {
        return id;
    }

    public DeadlineStage stage() {
        return stage;
    }

    public String categoryCode() {
        return categoryCode;
    }

    public HandlingPeriod period() {
        return new HandlingPeriod(amount, unit);
    }

    public HandlingPeriod extension() {
        return extensionUnit == null ? null : new HandlingPeriod(extensionAmount, extensionUnit);
    }

    public boolean extensionNeedsApproval() {
        return extensionNeedsApproval;
    }

    public List<Integer> alertPercents() {
        return AlertPercents.parse(alertPercents);
    }

    public boolean pausesWhileWaiting() {
        return pausesWhileWaiting;
    }
}
