package io.qinglang.platform.cases.application;

import static io.qinglang.platform.deadlines.domain.DeadlineStage.ACKNOWLEDGE;
import static io.qinglang.platform.deadlines.domain.DeadlineStage.DECIDE;
import static io.qinglang.platform.deadlines.domain.DeadlineStage.URGENT_TRIAGE;
import static org.assertj.core.api.Assertions.assertThat;

import io.qinglang.platform.deadlines.domain.DeadlinePolicy;
import io.qinglang.platform.deadlines.domain.DeadlineStage;
import io.qinglang.platform.deadlines.domain.HandlingPeriod;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseDeadlinesPolicyTest {

    private static DeadlinePolicy policy(DeadlineStage stage, String category, HandlingPeriod period) {
        return new DeadlinePolicy(stage, category, period, null, false, List.of(50, 80, 100), false);
    }

    private final DeadlinePolicy defaultDecision = policy(DECIDE, null, HandlingPeriod.workingDays(10));
    private final DeadlinePolicy fraudDecision = policy(DECIDE, "fraud", HandlingPeriod.workingDays(5));
    private final DeadlinePolicy acknowledgement = policy(ACKNOWLEDGE, null, HandlingPeriod.instant());

    @Test
    void prefersTheCategorysOwnPolicyToTheDefault() {
        assertThat(CaseDeadlines.policyFor(List.of(defaultDecision, fraudDecision, acknowledgement), DECIDE, "fraud"))
                .containsSame(fraudDecision);
    }

    @Test
    void prefersTheCategorysOwnPolicyWhicheverComesFirst() {
        assertThat(CaseDeadlines.policyFor(List.of(fraudDecision, defaultDecision), DECIDE, "fraud"))
                .containsSame(fraudDecision);
    }

    @Test
    void fallsBackToTheDefaultForOtherCategories() {
        assertThat(CaseDeadlines.policyFor(List.of(fraudDecision, defaultDecision), DECIDE, "gambling"))
                .containsSame(defaultDecision);
    }

    @Test
    void fallsBackToTheDefaultForACaseWithoutCategory() {
        assertThat(CaseDeadlines.policyFor(List.of(fraudDecision, defaultDecision), DECIDE, null))
                .containsSame(defaultDecision);
    }

    @Test
    void ignoresPoliciesOfOtherStages() {
        assertThat(CaseDeadlines.policyFor(List.of(defaultDecision, fraudDecision), ACKNOWLEDGE, "fraud")).isEmpty();
    }

    @Test
    void findsNothingForAStageOnlyOtherCategoriesHave() {
        DeadlinePolicy minorsTriage = policy(URGENT_TRIAGE, "minors", HandlingPeriod.hours(1));

        assertThat(CaseDeadlines.policyFor(List.of(minorsTriage), URGENT_TRIAGE, "fraud")).isEmpty();
        assertThat(CaseDeadlines.policyFor(List.of(minorsTriage), URGENT_TRIAGE, "minors")).containsSame(minorsTriage);
    }
}
