package io.qinglang.platform.rewards.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qinglang.platform.audit.application.AuditRecord;
import io.qinglang.platform.audit.application.AuditTrail;
import io.qinglang.platform.cases.application.ReceiptHolders;
import io.qinglang.platform.cases.application.ReporterSecrets;
import io.qinglang.platform.cases.domain.ActorKind;
import io.qinglang.platform.cases.domain.Case;
import io.qinglang.platform.cases.domain.CaseEvent;
import io.qinglang.platform.cases.domain.CaseEventType;
import io.qinglang.platform.cases.domain.CaseId;
import io.qinglang.platform.cases.domain.CaseRepository;
import io.qinglang.platform.cases.domain.CaseRuleViolation;
import io.qinglang.platform.cases.domain.CaseStatus;
import io.qinglang.platform.cases.domain.Outcome;
import io.qinglang.platform.cases.domain.ReceiptNotFound;
import io.qinglang.platform.rewards.domain.Money;
import io.qinglang.platform.rewards.domain.Reward;
import io.qinglang.platform.rewards.domain.RewardKind;
import io.qinglang.platform.rewards.domain.RewardRepository;
import io.qinglang.platform.rewards.domain.RewardRule;
import io.qinglang.platform.rewards.domain.RewardStatus;
import io.qinglang.platform.shared.application.TenantCipher;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.shared.domain.InputErrors;
import io.qinglang.platform.shared.domain.NotFound;
import io.qinglang.platform.tenants.application.TenantDirectory;
import io.qinglang.platform.tenants.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A reward from proposal to payment. Staff propose it for a substantiated decision, computed under the tenant's
 * rule in force; a supervisor other than the proposer approves or denies it; the reporter claims it with their
 * receipt code and claim secret (a wrong secret is answered exactly like an unknown receipt) and gives payment
 * details, sealed like identity; a supervisor opens them only with a reason (audited) and records the payment.
 */
@ApplicationScoped
public class RewardService {

    private static final Set<Outcome> SUBSTANTIATED = Set.of(Outcome.SUBSTANTIATED, Outcome.PARTLY_SUBSTANTIATED);
    static final Set<String> PAYMENT_METHODS = Set.of("BANK_TRANSFER", "ALIPAY", "WECHAT_PAY", "OTHER");

    /** Staff propose a reward; {@code base} is required when the rule is a percentage. */
    public record Proposal(BigDecimal base, String note) {
    }

    /** A supervisor's answer. */
    public record Answer(Boolean approve, String reason) {
    }

    /** The payment made. */
    public record Payment(String reference) {
    }

    /** Where the reporter wants to be paid; stored sealed. */
    public record PaymentDetails(String method, String account, String accountName, String note) {
    }

    /** The reporter's claim. */
    public record Claim(String receiptCode, String claimSecret, PaymentDetails payment) {
    }

    /** A reward as staff see it (payment details are opened separately, with a reason). */
    public record RewardView(UUID id, String status, BigDecimal amount, String currency, BigDecimal base,
                             String recipientReference, UUID ruleId, String proposedBy, Instant proposedAt,
                             String decidedBy, Instant decidedAt, String decisionReason, Instant claimUntil,
                             Instant claimedAt, Instant paidAt, String paymentReference, long version) {
    }

    /** What the reporter learns when they claim. */
    public record ClaimReceipt(String status, BigDecimal amount, String currency, Instant claimedAt) {
    }

    private final TenantTransactions transactions;
    private final TenantDirectory tenants;
    private final CaseRepository cases;
    private final RewardRepository rewards;
    private final AuditTrail audit;
    private final ReceiptHolders holders;
    private final ReporterSecrets secrets;
    private final TenantCipher cipher;
    private final ObjectMapper json;
    private final Clock clock;

    @Inject
    public RewardService(TenantTransactions transactions, TenantDirectory tenants, CaseRepository cases,
                         RewardRepository rewards, AuditTrail audit, ReceiptHolders holders, ReporterSecrets secrets,
                         TenantCipher cipher, ObjectMapper json, Clock clock) {
        this.transactions = transactions;
        this.tenants = tenants;
        this.cases = cases;
        this.rewards = rewards;
        this.audit = audit;
        this.holders = holders;
        this.secrets = secrets;
        this.cipher = cipher;
        this.json = json;
        this.clock = clock;
    }

    /** The rule that applies to a case of this category and severity: the narrowest in force. */
    public static java.util.Optional<RewardRule> ruleFor(List<RewardRule> rules, String category, String severity) {
        return rules.stream().filter(r -> r.covers(category, severity)).max(Comparator.comparingInt(RewardRule::specificity));
    }

    public List<RewardView> rewards(String slug, UUID caseId) {
        Tenant tenant = tenants.require(slug);
        return transactions.inTenant(tenant.id(), () -> {
            Case c = requireCase(caseId);
            return rewards.forDecidedCase(c.id()).stream().map(this::view).toList();
        });
    }

    public RewardView propose(String slug, UUID caseId, Proposal proposal, String staff) {
        InputErrors errors = new InputErrors();
        if (proposal.base() != null && (proposal.base().signum() < 0 || proposal.base().compareTo(Money.MAX) > 0)) {
            errors.add("/base", "must be between 0 and " + Money.MAX.toPlainString());
        }
        errors.optionalText("/note", proposal.note(), 2000).throwIfAny();
        Tenant tenant = tenants.require(slug);
        return transactions.inTenant(tenant.id(), () -> {
            Case c = requireCase(caseId);
            boolean decided = c.status() == CaseStatus.DECIDED || c.status() == CaseStatus.CLOSED;
            if (!decided || c.outcome().filter(SUBSTANTIATED::contains).isEmpty()) {
                throw CaseRuleViolation.conflict("NOT_SUBSTANTIATED", "Case " + c.reference() + " is " + c.status()
                        + " without a standing substantiated decision; only substantiated reports earn rewards.");
            }
            if (rewards.forDecidedCase(c.id()).stream().anyMatch(r -> r.status() != RewardStatus.DENIED)) {
                throw CaseRuleViolation.conflict("REWARD_EXISTS", "Case " + c.reference()
                        + " already has a reward; a report is rewarded once.");
            }
            RewardRule rule = ruleFor(rewards.rules(), c.categoryCode(), c.severity().name()).orElseThrow(() ->
                    CaseRuleViolation.conflict("NO_REWARD_RULE", "No reward rule covers category "
                            + c.categoryCode() + " at severity " + c.severity() + "."));
            Long base = null;
            if (rule.kind() == RewardKind.PERCENTAGE) {
                if (proposal.base() == null) {
                    new InputErrors().add("/base", "is required: the reward is " + rule.percentBp().orElseThrow() / 100.0
                            + " % of it").throwIfAny();
                }
                if (!Money.fits(proposal.base(), rule.currency())) {
                    new InputErrors().add("/base", "has more decimals than " + rule.currency() + " allows").throwIfAny();
                }
                base = Money.toMinor(proposal.base(), rule.currency());
            }
            Case recipient = recipient(c, rule);
            Instant now = now();
            Reward reward = Reward.proposed(recipient.id(), c.id(), rule, base, staff, now);
            rewards.add(reward);
            String amount = Money.fromMinor(reward.amount(), reward.currency()).toPlainString() + " " + reward.currency();
            cases.add(CaseEvent.byStaff(c.id(), CaseEventType.REWARD_PROPOSED, staff, false,
                    amount + (recipient == c ? "" : " → " + recipient.reference().value())
                            + (proposal.note() == null ? "" : ": " + proposal.note().strip()), now));
            record(tenant, "STAFF", staff, "REWARD_PROPOSED", c, null, Map.of("amount", amount,
                    "rule", rule.id().toString(), "recipient", recipient.id().toString()));
            rewards.flush();
            return view(reward);
        });
    }

    /**
     * The reporter the reward goes to: with a first-reporter rule, whoever of the lead and its merged duplicates
     * reported first (receipt time, then reference); otherwise the reporter of the decided case.
     */
    private Case recipient(Case lead, RewardRule rule) {
        if (!rule.firstReporterOnly()) {
            return lead;
        }
        List<Case> group = new ArrayList<>(cases.mergedInto(lead.id()));
        group.add(lead);
        return group.stream().min(Comparator.comparing(Case::receivedAt).thenComparing(c -> c.reference().value()))
                .orElse(lead);
    }

    public RewardView answer(String slug, UUID caseId, Answer answer, String supervisor) {
        InputErrors errors = new InputErrors().required("/approve", answer.approve()).text("/reason", answer.reason(), 2000);
        errors.throwIfAny();
        Tenant tenant = tenants.require(slug);
        return transactions.inTenant(tenant.id(), () -> {
            Case c = requireCase(caseId);
            Reward reward = current(c);
            Instant now = now();
            String reason = answer.reason().strip();
            if (answer.approve()) {
                RewardRule rule = rewards.rule(reward.ruleId()).orElseThrow();
                Instant until = now.plus(Duration.ofDays(rule.claimWindowDays()));
                reward.approve(supervisor, reason, now, until);
                String amount = Money.fromMinor(reward.amount(), reward.currency()).toPlainString() + " " + reward.currency();
                cases.add(new CaseEvent(reward.caseId(), CaseEventType.REWARD_APPROVED, ActorKind.STAFF, true,
                        "举报奖励已批准：" + amount + "，请于 " + until + " 前凭回执码和领奖密码领取。/ A reward of " + amount
                                + " was approved; claim it by " + until + " with your receipt code and claim secret.", now));
                record(tenant, "STAFF", supervisor, "REWARD_APPROVED", c, reason, Map.of("amount", amount));
            } else {
                reward.deny(supervisor, reason, now);
                cases.add(CaseEvent.byStaff(c.id(), CaseEventType.REWARD_DENIED, supervisor, false, reason, now));
                record(tenant, "STAFF", supervisor, "REWARD_DENIED", c, reason, Map.of());
            }
            rewards.flush();
            return view(reward);
        });
    }

    public ClaimReceipt claim(String slug, String clientAddress, String proof, Claim claim) {
        InputErrors errors = new InputErrors().required("/payment", claim.payment());
        if (claim.payment() != null) {
            PaymentDetails p = claim.payment();
            errors.text("/payment/method", p.method(), 20).text("/payment/account", p.account(), 100)
                    .text("/payment/accountName", p.accountName(), 100).optionalText("/payment/note", p.note(), 500);
            if (p.method() != null && !PAYMENT_METHODS.contains(p.method())) {
                errors.add("/payment/method", "must be one of " + new java.util.TreeSet<>(PAYMENT_METHODS));
            }
        }
        errors.throwIfAny();
        ReporterSecrets.parseReceipt(claim.receiptCode());
        var secret = ReporterSecrets.parseClaimSecret(claim.claimSecret());
        return holders.withCase(slug, clientAddress, proof, claim.receiptCode(), (tenant, c) -> {
            if (!c.claimSecretMatches(secrets.claimSecretHash(tenant.id(), secret))) {
                throw new ReceiptNotFound(); // the same answer as a wrong receipt: neither may be probed
            }
            Reward reward = rewards.forRecipient(c.id()).orElseThrow(() -> CaseRuleViolation.conflict(
                    "NO_REWARD_TO_CLAIM", "There is no approved reward to claim for this receipt."));
            Instant now = now();
            reward.claim(cipher.seal(tenant.id(), toJson(claim.payment()), "payment:" + reward.id()), now);
            cases.add(new CaseEvent(c.id(), CaseEventType.REWARD_CLAIMED, ActorKind.REPORTER, true,
                    "奖励已申领，等待发放。/ Reward claimed; payment to follow.", now));
            record(tenant, "REPORTER", null, "REWARD_CLAIMED", c, null, Map.of("reward", reward.id().toString()));
            rewards.flush();
            return new ClaimReceipt(reward.status().name(), Money.fromMinor(reward.amount(), reward.currency()),
                    reward.currency(), now);
        });
    }

    /** Opens the reporter's payment details for {@code viewer}, who must say why; the view is audited first. */
    public PaymentDetails paymentDetails(String slug, UUID caseId, String reason, String viewer) {
        new InputErrors().text("/reason", reason, 1000).throwIfAny();
        if (reason.strip().length() < 10) {
            new InputErrors().add("/reason", "must say why, in at least 10 characters").throwIfAny();
        }
        Tenant tenant = tenants.require(slug);
        return transactions.inTenant(tenant.id(), () -> {
            Case c = requireCase(caseId);
            Reward reward = rewards.forDecidedCase(c.id()).stream().filter(r -> r.sealedPayment().isPresent())
                    .findFirst().orElseThrow(() -> new NotFound("PAYMENT_DETAILS_NOT_FOUND",
                            "The reward of this case has not been claimed."));
            record(tenant, "STAFF", viewer, "PAYMENT_DETAILS_VIEWED", c, reason.strip(),
                    Map.of("reward", reward.id().toString()));
            try {
                return json.readValue(cipher.open(tenant.id(), reward.sealedPayment().orElseThrow(),
                        "payment:" + reward.id()), PaymentDetails.class);
            } catch (IOException e) {
                throw new IllegalStateException("payment details of reward " + reward.id() + " are unreadable", e);
            }
        });
    }

    public RewardView recordPayment(String slug, UUID caseId, Payment payment, String staff) {
        new InputErrors().text("/reference", payment.reference(), 200).throwIfAny();
        Tenant tenant = tenants.require(slug);
        return transactions.inTenant(tenant.id(), () -> {
            Case c = requireCase(caseId);
            Reward reward = current(c);
            Instant now = now();
            reward.paid(staff, payment.reference().strip(), now);
            cases.add(new CaseEvent(reward.caseId(), CaseEventType.REWARD_PAID, ActorKind.STAFF, true,
                    "奖励已发放。/ The reward was paid.", now));
            record(tenant, "STAFF", staff, "REWARD_PAID", c, null, Map.of("reward", reward.id().toString()));
            rewards.flush();
            return view(reward);
        });
    }

    private Reward current(Case c) {
        return rewards.forDecidedCase(c.id()).stream().filter(r -> r.status() != RewardStatus.DENIED).findFirst()
                .orElseThrow(() -> new NotFound("REWARD_NOT_FOUND", "Case " + c.reference() + " has no reward."));
    }

    private Case requireCase(UUID caseId) {
        return cases.find(new CaseId(caseId)).orElseThrow(() -> new NotFound("CASE_NOT_FOUND", "No such case."));
    }

    private RewardView view(Reward r) {
        String recipient = cases.find(r.caseId()).map(c -> c.reference().value()).orElse(null);
        return new RewardView(r.id(), r.status().name(), Money.fromMinor(r.amount(), r.currency()), r.currency(),
                r.baseAmount().map(b -> Money.fromMinor(b, r.currency())).orElse(null), recipient, r.ruleId(),
                r.proposedBy(), r.proposedAt(), r.decidedBy().orElse(null), r.decidedAt().orElse(null),
                r.decisionReason().orElse(null), r.claimUntil().orElse(null), r.claimedAt().orElse(null),
                r.paidAt().orElse(null), r.paymentReference().orElse(null), r.version());
    }

    private void record(Tenant tenant, String actorKind, String actor, String action, Case c, String reason,
                        Map<String, String> details) {
        audit.record(tenant.id(), new AuditRecord(actorKind, actor, action, "CASE", c.id().toString(), reason,
                new String(toJson(details), java.nio.charset.StandardCharsets.UTF_8)));
    }

    private byte[] toJson(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
