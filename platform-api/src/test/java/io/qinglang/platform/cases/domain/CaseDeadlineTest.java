package io.qinglang.platform.cases.domain;

import io.qinglang.platform.deadlines.domain.Deadline;
import io.qinglang.platform.deadlines.domain.DeadlinePolicy;
import io.qinglang.platform.deadlines.domain.DeadlineStage;
import io.qinglang.platform.deadlines.domain.HandlingPeriod;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseDeadlineTest {

    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    private static final Instant DUE = START.plusSeconds(100 * 3600);

    private static CaseDeadline started(boolean pauses, HandlingPeriod extension) {
        DeadlinePolicy policy = new DeadlinePolicy(DeadlineStage.DECIDE, null, HandlingPeriod.workingDays(10), extension,
                true, List.of(50, 80, 100), pauses);
        return CaseDeadline.start(CaseId.random(), policy, new Deadline(DUE, LocalDate.parse("2026-03-06"), false), START);
    }

    @Test
    void raisesEachThresholdOnceWhenItsShareOfTheTimeHasPassed() {
        CaseDeadline d = started(false, null);
        assertThat(d.thresholdsReached(START.plusSeconds(49 * 3600))).isEmpty();
        assertThat(d.thresholdsReached(START.plusSeconds(50 * 3600))).containsExactly(50);
        assertThat(d.thresholdsReached(DUE.plusSeconds(1))).containsExactly(50, 80, 100);
        d.alertRaised(50);
        d.alertRaised(80);
        assertThat(d.thresholdsReached(DUE.plusSeconds(1))).containsExactly(100);
        assertThat(d.alertsSent()).containsExactly(50, 80);
    }

    @Test
    void anExtensionReopensTheThresholdsNotYetReachedAgainstTheNewDueTime() {
        CaseDeadline d = started(false, HandlingPeriod.workingDays(10));
        Instant at90 = START.plusSeconds(90 * 3600);
        d.alertRaised(50);
        d.alertRaised(80);
        // extended at 90 h to 150 h: 50 % of the new span (75 h) has passed, 80 % (120 h) has not
        d.extend(new Deadline(START.plusSeconds(150 * 3600), LocalDate.parse("2026-03-13"), false), at90);
        assertThat(d.alertsSent()).containsExactly(50);
        assertThat(d.nextAlertAt()).contains(START.plusSeconds(120 * 3600));
        assertThat(d.thresholdsReached(START.plusSeconds(150 * 3600))).containsExactly(80, 100);
    }

    @Test
    void aPausedOrCompletedStageRaisesNothingAndIsNotOverdue() {
        CaseDeadline paused = started(true, null);
        assertThat(paused.pause(START.plusSeconds(10))).isTrue();
        assertThat(paused.thresholdsReached(DUE.plusSeconds(1))).isEmpty();
        assertThat(paused.overdue(DUE.plusSeconds(1))).isFalse();

        CaseDeadline done = started(false, null);
        done.complete(DUE.minusSeconds(1));
        assertThat(done.thresholdsReached(DUE.plusSeconds(1))).isEmpty();
        assertThat(done.metOnTime()).contains(true);
        done.complete(DUE.plusSeconds(99));
        assertThat(done.completedAt()).contains(DUE.minusSeconds(1));
    }

    @Test
    void onlyAStageWhosePolicySaysSoPausesWhileTheReporterIsAsked() {
        assertThat(started(false, null).pause(START)).isFalse();
        CaseDeadline d = started(true, null);
        assertThat(d.pause(START)).isTrue();
        assertThat(d.pause(START.plusSeconds(5))).as("already paused").isFalse();
        d.resume(new Deadline(DUE.plusSeconds(86_400), LocalDate.parse("2026-03-09"), false), START.plusSeconds(20));
        assertThat(d.pausedAt()).isEmpty();
        assertThat(d.dueDate()).isEqualTo(LocalDate.parse("2026-03-09"));
    }

    @Test
    void isExtendedAtMostOnce() {
        CaseDeadline d = started(false, HandlingPeriod.workingDays(15));
        d.extend(new Deadline(DUE.plusSeconds(3600), LocalDate.parse("2026-03-27"), true), START);
        assertThat(d.extended()).isTrue();
        assertThat(d.calendarIncomplete()).isTrue();
        assertThatThrownBy(() -> d.extend(new Deadline(DUE, LocalDate.parse("2026-03-06"), false), START))
                .isInstanceOfSatisfying(CaseRuleViolation.class, e -> assertThat(e.code()).isEqualTo("ALREADY_EXTENDED"));
        assertThat(d.dueDate()).isEqualTo(LocalDate.parse("2026-03-27"));
    }

    @Test
    void anInstantStageIsRecognisedAndLateCompletionIsNotOnTime() {
        DeadlinePolicy instant = new DeadlinePolicy(DeadlineStage.ACKNOWLEDGE, null, HandlingPeriod.instant(), null,
                false, List.of(), false);
        CaseDeadline ack = CaseDeadline.start(CaseId.random(), instant, new Deadline(START, LocalDate.parse("2026-03-02"), false), START);
        assertThat(ack.instant()).isTrue();
        assertThat(started(false, null).instant()).isFalse();
        CaseDeadline late = started(false, null);
        late.complete(DUE.plusSeconds(1));
        assertThat(late.metOnTime()).contains(false);
    }

    private static CaseDeadline stage(DeadlineStage stage, Instant due) {
        DeadlinePolicy policy = new DeadlinePolicy(stage, null, HandlingPeriod.workingDays(10), null, false,
                List.of(50, 80, 100), true);
        return CaseDeadline.start(CaseId.random(), policy, new Deadline(due, LocalDate.parse("2026-03-06"), false), START);
    }

    @Test
    void theRunningStageIsTheOpenStaffStageDueFirstWithTiesByName() {
        CaseDeadline acknowledge = stage(DeadlineStage.ACKNOWLEDGE, DUE);
        CaseDeadline accept = stage(DeadlineStage.ACCEPT, DUE);
        CaseDeadline decide = stage(DeadlineStage.DECIDE, DUE.minusSeconds(60));
        assertThat(CaseDeadline.runningStage(List.of(acknowledge, accept))).containsSame(accept);
        assertThat(CaseDeadline.runningStage(List.of(acknowledge, accept, decide))).containsSame(decide);

        decide.complete(START.plusSeconds(10));
        accept.pause(START.plusSeconds(20));
        assertThat(CaseDeadline.runningStage(List.of(acknowledge, accept, decide))).containsSame(accept);
    }

    @Test
    void theReportersAppealWindowIsNoRunningStage() {
        CaseDeadline window = stage(DeadlineStage.APPEAL_WINDOW, START.plusSeconds(60));
        assertThat(CaseDeadline.runningStage(List.of(window))).isEmpty();
        assertThat(CaseDeadline.runningStage(List.of())).isEmpty();
    }
}
