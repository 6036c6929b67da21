package io.qinglang.platform.cases.application;

import static io.qinglang.platform.deadlines.domain.DeadlineStage.ACKNOWLEDGE;
import static io.qinglang.platform.deadlines.domain.DeadlineStage.DECIDE;
import static io.qinglang.platform.deadlines.domain.DeadlineStage.URGENT_TRIAGE;
import static org.assertj.core.api.Assertions.assertThat;

import io.qinglang.platform.deadlines.domain.DeadlinePolicy;
import io.qinglang.platform.deadlines.domain.DeadlineStage;
import io.qinglang.platform.deadlines.domain.HandlingPeriod;
import io.qinglang.platform.shared.domain.Severity;
import java.time.Instant;
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
        assertThat(CaseDeadlines.policyFor(List.of(defaultDecision, fraudDecision, acknowledgement), DECIDE, "fraud", Severity.ORDINARY))
                .containsSame(fraudDecision);
    }

    @Test
    void prefersTheCategorysOwnPolicyWhicheverComesFirst() {
        assertThat(CaseDeadlines.policyFor(List.of(fraudDecision, defaultDecision), DECIDE, "fraud", Severity.ORDINARY))
                .containsSame(fraudDecision);
    }

    @Test
    void fallsBackToTheDefaultForOtherCategories() {
        assertThat(CaseDeadlines.policyFor(List.of(fraudDecision, defaultDecision), DECIDE, "gambling", Severity.ORDINARY))
                .containsSame(defaultDecision);
    }

    @Test
    void fallsBackToTheDefaultForACaseWithoutCategory() {
        assertThat(CaseDeadlines.policyFor(List.of(fraudDecision, defaultDecision), DECIDE, null, Severity.ORDINARY))
                .containsSame(defaultDecision);
    }

    @Test
    void ignoresPoliciesOfOtherStages() {
        assertThat(CaseDeadlines.policyFor(List.of(defaultDecision, fraudDecision), ACKNOWLEDGE, "fraud", Severity.ORDINARY)).isEmpty();
    }

    @Test
    void findsNothingForAStageOnlyOtherCategoriesHave() {
        DeadlinePolicy minorsTriage = policy(URGENT_TRIAGE, "minors", HandlingPeriod.hours(1));

        assertThat(CaseDeadlines.policyFor(List.of(minorsTriage), URGENT_TRIAGE, "fraud", Severity.ORDINARY)).isEmpty();
        assertThat(CaseDeadlines.policyFor(List.of(minorsTriage), URGENT_TRIAGE, "minors", Severity.ORDINARY)).containsSame(minorsTriage);
    }

    private static DeadlinePolicy scoped(String category, String severity, int days) {
        return DeadlinePolicy.adopted(DECIDE, category, severity, HandlingPeriod.workingDays(days), null, false,
                List.of(50, 80, 100), false, true, "admin", null, Instant.EPOCH);
    }

    @Test
    void aSeverityPolicyBeatsTheDefaultButNotTheCategorysOwn() {
        DeadlinePolicy critical = scoped(null, "CRITICAL", 3);
        List<DeadlinePolicy> policies = List.of(defaultDecision, critical, fraudDecision);

        assertThat(CaseDeadlines.policyFor(policies, DECIDE, "gambling", Severity.CRITICAL)).containsSame(critical);
        assertThat(CaseDeadlines.policyFor(policies, DECIDE, "gambling", Severity.SERIOUS)).containsSame(defaultDecision);
        assertThat(CaseDeadlines.policyFor(policies, DECIDE, "fraud", Severity.CRITICAL)).containsSame(fraudDecision);
    }

    @Test
    void aPolicyForBothCategoryAndSeverityBeatsAll() {
        DeadlinePolicy fraudCritical = scoped("fraud", "CRITICAL", 1);
        List<DeadlinePolicy> policies = List.of(fraudCritical, defaultDecision, scoped(null, "CRITICAL", 3), fraudDecision);

        assertThat(CaseDeadlines.policyFor(policies, DECIDE, "fraud", Severity.CRITICAL)).containsSame(fraudCritical);
        assertThat(CaseDeadlines.policyFor(policies, DECIDE, "fraud", Severity.ORDINARY)).containsSame(fraudDecision);
    }

    @Test
    void aRetiredPolicyNoLongerApplies() {
        DeadlinePolicy retired = scoped("fraud", null, 2);
        retired.retire(Instant.EPOCH);

        assertThat(CaseDeadlines.policyFor(List.of(retired, defaultDecision), DECIDE, "fraud", Severity.ORDINARY))
                .containsSame(defaultDecision);
    }
}
