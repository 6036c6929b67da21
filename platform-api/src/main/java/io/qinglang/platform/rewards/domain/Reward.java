package io.qinglang.platform.rewards.domain;

import io.qinglang.platform.cases.domain.CaseId;
import io.qinglang.platform.cases.domain.CaseRuleViolation;
import io.qinglang.platform.shared.domain.NullableUuid;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The reward for one decided case. It is computed when staff propose it, under the rule then in force, and goes
 * to the reporter of {@code caseId} — for merged duplicates, the first reporter when the rule says so. A
 * supervisor other than the proposer approves or denies it; the reporter claims it with their receipt code and
 * claim secret before the window closes, giving payment details that are stored sealed; then it is paid. At most
 * one reward that was not denied exists per decided case.
 */
@Entity
@Table(name = "rewards")
public class Reward {

    @Id
    private UUID id;
    @Column(name = "case_id")
    private UUID caseId;
    @Column(name = "lead_case_id")
    private UUID leadCaseId;
    @Column(name = "rule_id")
    private UUID ruleId;
    @Column(name = "base_amount")
    private Long baseAmount;
    private long amount;
    private String currency;
    @Enumerated(EnumType.STRING)
    private RewardStatus status;
    @Column(name = "proposed_by")
    private String proposedBy;
    @Column(name = "proposed_at")
    private Instant proposedAt;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "decision_reason")
    private String decisionReason;
    @Column(name = "claim_until")
    private Instant claimUntil;
    @Column(name = "claimed_at")
    private Instant claimedAt;
    @Column(name = "sealed_payment")
    private byte[] sealedPayment;
    @Column(name = "paid_at")
    private Instant paidAt;
    @Column(name = "paid_by")
    private String paidBy;
    @Column(name = "payment_reference")
    private String paymentReference;
    @Version
    private long version;

    protected Reward() {
    }

    public static Reward proposed(CaseId recipient, CaseId decided, RewardRule rule, Long base, String by, Instant now) {
        Reward r = new Reward();
        r.id = UUID.randomUUID();
        r.caseId = recipient.value();
        r.leadCaseId = decided.value();
        r.ruleId = rule.id();
        r.baseAmount = base;
        r.amount = rule.amountFor(base);
        r.currency = rule.currency();
        r.status = RewardStatus.PROPOSED;
        r.proposedBy = by;
        r.proposedAt = now;
        return r;
    }

    /** A supervisor other than the proposer approves; the reporter may claim until {@code claimUntil}. */
    public void approve(String supervisor, String reason, Instant now, Instant claimUntil) {
        decide(supervisor, reason, now);
        status = RewardStatus.APPROVED;
        this.claimUntil = claimUntil;
    }

    public void deny(String supervisor, String reason, Instant now) {
        decide(supervisor, reason, now);
        status = RewardStatus.DENIED;
    }

    private void decide(String supervisor, String reason, Instant now) {
        if (status != RewardStatus.PROPOSED) {
            throw CaseRuleViolation.conflict("REWARD_ALREADY_DECIDED", "The reward was already " + status + ".");
        }
        if (supervisor.equals(proposedBy)) {
            throw CaseRuleViolation.forbidden("APPROVER_IS_PROPOSER", "The reward must be approved by someone other "
                    + "than who proposed it.");
        }
        decidedBy = supervisor;
        decidedAt = now;
        decisionReason = reason;
    }

    /** The reporter claims the approved reward, with their payment details already sealed. */
    public void claim(byte[] sealedPaymentDetails, Instant now) {
        switch (status) {
            case CLAIMED, PAID -> throw CaseRuleViolation.conflict("REWARD_ALREADY_CLAIMED",
                    "This reward was already claimed.");
            case APPROVED -> {
                if (now.isAfter(claimUntil)) {
                    throw CaseRuleViolation.conflict("CLAIM_WINDOW_CLOSED", "The reward could be claimed until "
                            + claimUntil + "; that time has passed.");
                }
            }
            default -> throw CaseRuleViolation.conflict("NO_REWARD_TO_CLAIM", "There is no approved reward to claim.");
        }
        status = RewardStatus.CLAIMED;
        sealedPayment = sealedPaymentDetails.clone();
        claimedAt = now;
    }

    public void paid(String by, String reference, Instant now) {
        if (status != RewardStatus.CLAIMED) {
            throw CaseRuleViolation.conflict("REWARD_NOT_CLAIMED", "Only a claimed reward is paid; this one is "
                    + status + ".");
        }
        status = RewardStatus.PAID;
        paidBy = by;
        paidAt = now;
        paymentReference = reference;
    }

    public UUID id() {
        return id;
    }

    public CaseId caseId() {
        return new CaseId(caseId);
    }

    public CaseId leadCaseId() {
        return new CaseId(leadCaseId);
    }

    public UUID ruleId() {
        return ruleId;
    }

    public Optional<Long> baseAmount() {
        return Optional.ofNullable(baseAmount);
    }

    public long amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    public RewardStatus status() {
        return status;
    }

    public String proposedBy() {
        return proposedBy;
    }

    public Instant proposedAt() {
        return proposedAt;
    }

    public Optional<String> decidedBy() {
        return Optional.ofNullable(decidedBy);
    }

    public Optional<Instant> decidedAt() {
        return Optional.ofNullable(decidedAt);
    }

    public Optional<String> decisionReason() {
        return Optional.ofNullable(decisionReason);
    }

    public Optional<Instant> claimUntil() {
        return Optional.ofNullable(claimUntil);
    }

    public Optional<Instant> claimedAt() {
        return Optional.ofNullable(claimedAt);
    }

    public Optional<byte[]> sealedPayment() {
        return Optional.ofNullable(sealedPayment).map(byte[]::clone);
    }

    public Optional<Instant> paidAt() {
        return Optional.ofNullable(paidAt);
    }

    public Optional<String> paymentReference() {
        return Optional.ofNullable(paymentReference);
    }

    public long version() {
        return version;
    }
}
