package io.qinglang.platform.rewards.domain;

import io.qinglang.platform.shared.domain.CaseScope;
import io.qinglang.platform.shared.domain.NullableUuid;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * How much a substantiated report earns, for all cases or for a category and/or severity (the narrowest rule in
 * force wins). Amounts are in minor units of the currency (fen for CNY); a percentage is in basis points
 * (1 % = 100) of a base the handler states, rounded half up, then raised to the minimum and cut to the cap.
 * Rules are versioned like deadline policies: adopting one retires the one in force for the same scope, and a
 * reward keeps the rule it was computed under.
 */
@Entity
@Table(name = "reward_rules")
public class RewardRule {

    @Id
    private UUID id;
    @Column(name = "category_code")
    private String categoryCode;
    private String severity;
    @Enumerated(EnumType.STRING)
    private RewardKind kind;
    @Column(name = "fixed_amount")
    private Long fixedAmount;
    @Column(name = "percent_bp")
    private Integer percentBp;
    @Column(name = "minimum_amount")
    private Long minimumAmount;
    @Column(name = "cap_amount")
    private Long capAmount;
    private String currency;
    @Column(name = "claim_window_days")
    private int claimWindowDays;
    @Column(name = "first_reporter_only")
    private boolean firstReporterOnly;
    @Column(name = "effective_from")
    private Instant effectiveFrom;
    @Column(name = "retired_at")
    private Instant retiredAt;
    @Column(name = "created_by")
    private String createdBy;
    @Convert(converter = NullableUuid.class)
    private UUID supersedes;

    protected RewardRule() {
    }

    /** A rule as adopted; the caller has validated the amounts (positive, minimum ≤ cap). */
    public static RewardRule adopted(String categoryCode, String severity, RewardKind kind, Long fixedAmount,
                                     Integer percentBp, Long minimumAmount, Long capAmount, String currency,
                                     int claimWindowDays, boolean firstReporterOnly, String by, RewardRule previous,
                                     Instant now) {
        RewardRule r = new RewardRule();
        r.id = UUID.randomUUID();
        r.categoryCode = categoryCode;
        r.severity = severity;
        r.kind = kind;
        r.fixedAmount = kind == RewardKind.FIXED ? fixedAmount : null;
        r.percentBp = kind == RewardKind.PERCENTAGE ? percentBp : null;
        r.minimumAmount = kind == RewardKind.PERCENTAGE ? minimumAmount : null;
        r.capAmount = kind == RewardKind.PERCENTAGE ? capAmount : null;
        r.currency = currency;
        r.claimWindowDays = claimWindowDays;
        r.firstReporterOnly = firstReporterOnly;
        r.createdBy = by;
        r.supersedes = previous == null ? null : previous.id;
        r.effectiveFrom = now;
        return r;
    }

    /**
     * The reward in minor units: the fixed amount, or the percentage of {@code base} (minor units) within the
     * minimum and the cap. A percentage rule without a base cannot be computed.
     */
    public long amountFor(Long base) {
        if (kind == RewardKind.FIXED) {
            return fixedAmount;
        }
        if (base == null || base < 0) {
            throw new IllegalArgumentException("a percentage reward needs a non-negative base");
        }
        long amount = BigDecimal.valueOf(base).multiply(BigDecimal.valueOf(percentBp))
                .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP).longValueExact();
        if (minimumAmount != null) {
            amount = Math.max(amount, minimumAmount);
        }
        if (capAmount != null) {
            amount = Math.min(amount, capAmount);
        }
        return amount;
    }

    public boolean covers(String category, String caseSeverity) {
        return retiredAt == null && CaseScope.covers(categoryCode, severity, category, caseSeverity);
    }

    public int specificity() {
        return CaseScope.specificity(categoryCode, severity);
    }

    public boolean sameScope(String category, String ruleSeverity) {
        return CaseScope.same(categoryCode, severity, category, ruleSeverity);
    }

    public void retire(Instant now) {
        if (retiredAt == null) {
            retiredAt = now;
        }
    }

    public boolean inForce() {
        return retiredAt == null;
    }

    public UUID id() {
        return id;
    }

    public String categoryCode() {
        return categoryCode;
    }

    public String severity() {
        return severity;
    }

    public RewardKind kind() {
        return kind;
    }

    public Optional<Long> fixedAmount() {
        return Optional.ofNullable(fixedAmount);
    }

    public Optional<Integer> percentBp() {
        return Optional.ofNullable(percentBp);
    }

    public Optional<Long> minimumAmount() {
        return Optional.ofNullable(minimumAmount);
    }

    public Optional<Long> capAmount() {
        return Optional.ofNullable(capAmount);
    }

    public String currency() {
        return currency;
    }

    public int claimWindowDays() {
        return claimWindowDays;
    }

    public boolean firstReporterOnly() {
        return firstReporterOnly;
    }

    public Instant effectiveFrom() {
        return effectiveFrom;
    }

    public Optional<Instant> retiredAt() {
        return Optional.ofNullable(retiredAt);
    }

    public String createdBy() {
        return createdBy;
    }

    public Optional<UUID> supersedes() {
        return Optional.ofNullable(supersedes);
    }
}
