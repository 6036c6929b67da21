package io.qinglang.platform.cases.application;

import io.qinglang.platform.shared.application.SharedCounters.AttemptWindow;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The judgement on the shared counts; the counting itself is PostgreSQL's (infra's SharedLimitsIT). */
class IntakeRateTest {

    private static final Instant MINUTE_START = Instant.parse("2026-12-02T08:00:00Z");
    private final IntakeRate rate = new IntakeRate(20, 5, Duration.ofMinutes(10));

    @Test
    void aBurstAboveTheFloorAndFiveTimesTheUsualRateIsAnomalous() {
        assertThat(rate.anomalousRate(new AttemptWindow(19, 0, 0, null), MINUTE_START.plusSeconds(19))).isFalse();
        assertThat(rate.anomalousRate(new AttemptWindow(20, 0, 0, null), MINUTE_START.plusSeconds(20))).isTrue();
    }

    @Test
    void theMinuteBeforeCountsForThePartOfItStillInTheLastSixtySeconds() {
        // 30 in the minute before, 45 s into this one: a quarter of them are within the last 60 s
        assertThat(rate.anomalousRate(new AttemptWindow(12, 30, 0, null), MINUTE_START.plusSeconds(45))).isFalse();
        assertThat(rate.anomalousRate(new AttemptWindow(13, 30, 0, null), MINUTE_START.plusSeconds(45))).isTrue();
        assertThat(rate.anomalousRate(new AttemptWindow(0, 30, 0, null), MINUTE_START)).isTrue();
    }

    @Test
    void aBusyTenantsUsualRateIsNotAnomalous() {
        long hourAtThirtyAMinute = 60 * 30;
        assertThat(rate.anomalousRate(new AttemptWindow(30, 30, hourAtThirtyAMinute, null), MINUTE_START.plusSeconds(30)))
                .as("30 a minute for an hour is usual").isFalse();
        assertThat(rate.anomalousRate(new AttemptWindow(151, 0, hourAtThirtyAMinute, null), MINUTE_START.plusSeconds(59)))
                .as("over five times 30 a minute").isTrue();
    }

    @Test
    void aFlagHoldsUntilItsTimeOnEveryNode() {
        Instant now = MINUTE_START.plusSeconds(20);
        Instant until = rate.flagUntil(now);

        assertThat(until).isEqualTo(now.plus(Duration.ofMinutes(10)));
        assertThat(IntakeRate.flagged(new AttemptWindow(0, 0, 0, until), now.plus(Duration.ofMinutes(9)))).isTrue();
        assertThat(IntakeRate.flagged(new AttemptWindow(0, 0, 0, until), until)).isFalse();
        assertThat(IntakeRate.flagged(new AttemptWindow(0, 0, 0, null), now)).isFalse();
    }
}
