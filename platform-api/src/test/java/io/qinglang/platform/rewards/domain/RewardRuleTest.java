package io.qinglang.platform.rewards.domain;

import io.qinglang.platform.cases.domain.CaseId;
import io.qinglang.platform.cases.domain.CaseRuleViolation;
import io.qinglang.platform.rewards.application.RewardService;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RewardRuleTest {

    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

    /** 5 % of the base, at least 100.00 and at most 2,000.00 CNY (amounts in fen). */
    private static RewardRule percentage() {
        return RewardRule.adopted(null, null, RewardKind.PERCENTAGE, null, 500, 10_000L, 200_000L, "CNY", 30, true,
                "admin", null, NOW);
    }

    @Test
    void aPercentageRewardIsTheShareOfTheBaseRaisedToTheMinimumAndCutToTheCap() {
        RewardRule rule = percentage();
        assertThat(rule.amountFor(1_000_000L)).as("5 % of 10,000.00").isEqualTo(50_000L);
        assertThat(rule.amountFor(100_000L)).as("5 % of 1,000.00 is 50.00, raised to the minimum").isEqualTo(10_000L);
        assertThat(rule.amountFor(0L)).isEqualTo(10_000L);
        assertThat(rule.amountFor(10_000_000L)).as("5 % of 100,000.00 is 5,000.00, cut to the cap").isEqualTo(200_000L);
        assertThat(rule.amountFor(4_000_000L)).as("exactly the cap").isEqualTo(200_000L);
        assertThatThrownBy(() -> rule.amountFor(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPercentageIsRoundedHalfUpToTheMinorUnit() {
        RewardRule third = RewardRule.adopted(null, null, RewardKind.PERCENTAGE, null, 333, null, null, "CNY", 30, true,
                "admin", null, NOW);
        assertThat(third.amountFor(150L)).as("3.33 % of 1.50 is 0.04995").isEqualTo(5L);
        assertThat(third.amountFor(149L)).as("0.049617").isEqualTo(5L);
        assertThat(third.amountFor(10L)).as("0.00333").isZero();
    }

    @Test
    void aFixedRewardIgnoresTheBase() {
        RewardRule fixed = RewardRule.adopted(null, null, RewardKind.FIXED, 30_000L, null, null, null, "CNY", 30, true,
                "admin", null, NOW);
        assertThat(fixed.amountFor(null)).isEqualTo(30_000L);
        assertThat(fixed.amountFor(99_999_999L)).isEqualTo(30_000L);
    }

    @Test
    void theNarrowestRuleInForceApplies() {
        RewardRule all = RewardRule.adopted(null, null, RewardKind.FIXED, 100L, null, null, null, "CNY", 30, true, "a", null, NOW);
        RewardRule serious = RewardRule.adopted(null, "SERIOUS", RewardKind.FIXED, 200L, null, null, null, "CNY", 30, true, "a", null, NOW);
        RewardRule food = RewardRule.adopted("food", null, RewardKind.FIXED, 300L, null, null, null, "CNY", 30, true, "a", null, NOW);
        RewardRule retired = RewardRule.adopted("food", "SERIOUS", RewardKind.FIXED, 400L, null, null, null, "CNY", 30, true, "a", null, NOW);
        retired.retire(NOW);
        List<RewardRule> rules = List.of(all, serious, food, retired);
        assertThat(RewardService.ruleFor(rules, "food", "SERIOUS")).contains(food);
        assertThat(RewardService.ruleFor(rules, "toys", "SERIOUS")).contains(serious);
        assertThat(RewardService.ruleFor(rules, "toys", "ORDINARY")).contains(all);
        assertThat(RewardService.ruleFor(List.of(food), "toys", "ORDINARY")).isEmpty();
    }

    @Test
    void aRewardIsApprovedByAnotherClaimedOnceWithinItsWindowThenPaid() {
        Reward reward = Reward.proposed(CaseId.random(), CaseId.random(), percentage(), 1_000_000L, "handler", NOW);
        assertThat(reward.amount()).isEqualTo(50_000L);
        assertThatThrownBy(() -> reward.claim(new byte[]{1}, NOW))
                .isInstanceOfSatisfying(CaseRuleViolation.class, e -> assertThat(e.code()).isEqualTo("NO_REWARD_TO_CLAIM"));
        assertThatThrownBy(() -> reward.approve("handler", "ok", NOW, NOW.plusSeconds(60)))
                .isInstanceOfSatisfying(CaseRuleViolation.class, e -> assertThat(e.code()).isEqualTo("APPROVER_IS_PROPOSER"));
        reward.approve("supervisor", "属实", NOW, NOW.plusSeconds(60));
        assertThatThrownBy(() -> reward.deny("supervisor", "no", NOW))
                .isInstanceOfSatisfying(CaseRuleViolation.class, e -> assertThat(e.code()).isEqualTo("REWARD_ALREADY_DECIDED"));
        assertThatThrownBy(() -> reward.claim(new byte[]{1}, NOW.plusSeconds(61)))
                .isInstanceOfSatisfying(CaseRuleViolation.class, e -> assertThat(e.code()).isEqualTo("CLAIM_WINDOW_CLOSED"));
        reward.claim(new byte[]{1}, NOW.plusSeconds(60));
        assertThatThrownBy(() -> reward.claim(new byte[]{2}, NOW.plusSeconds(30)))
                .isInstanceOfSatisfying(CaseRuleViolation.class, e -> assertThat(e.code()).isEqualTo("REWARD_ALREADY_CLAIMED"));
        reward.paid("supervisor", "TX-1", NOW.plusSeconds(90));
        assertThat(reward.status()).isEqualTo(RewardStatus.PAID);
    }

    @Test
    void moneyIsConvertedByTheCurrencysMinorUnit() {
        assertThat(Money.toMinor(new BigDecimal("500.5"), "CNY")).isEqualTo(50_050L);
        assertThat(Money.fromMinor(50_050L, "CNY")).isEqualByComparingTo("500.50");
        assertThat(Money.fits(new BigDecimal("1.005"), "CNY")).isFalse();
        assertThat(Money.fits(new BigDecimal("100"), "JPY")).isTrue();
        assertThat(Money.fits(new BigDecimal("100.5"), "JPY")).isFalse();
        assertThat(Money.currency("XYZ")).isEmpty();
        assertThat(Money.currency("cny")).isEmpty();
    }
}
