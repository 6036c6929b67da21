package io.qinglang.platform.deadlines.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.List;
import java.util.UUID;

/**
 * How long one stage of handling may take at one tenant, optionally only for one category, with the
 * extension rule and the escalation thresholds (percentages of the period) that raise alerts.
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
    }

    /** Whether this policy governs the stage for a case of the given category (a category rule beats the default). */
    public boolean appliesTo(DeadlineStage stage, String categoryCode) {
        return this.stage == stage && (this.categoryCode == null || this.categoryCode.equals(categoryCode));
    }

    public boolean categorySpecific() {
        return categoryCode != null;
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
