package io.qinglang.platform.cases.application;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class IntakeRateTest {

    private static final Instant START = Instant.parse("2026-12-02T08:00:00Z");
    private final IntakeRate rate = new IntakeRate(20, 5, Duration.ofMinutes(10));

    @Test
    void aBurstAboveTheFloorAndFiveTimesTheUsualRateIsAnomalousAndStaysSoForTheHoldTime() {
        for (int i = 0; i < 19; i++) {
            assertThat(rate.recordAndJudge("a", START.plusSeconds(i))).isFalse();
        }
        assertThat(rate.recordAndJudge("a", START.plusSeconds(20))).isTrue();
        assertThat(rate.anomalous("b", START.plusSeconds(20))).as("per tenant").isFalse();
        assertThat(rate.anomalous("a", START.plusSeconds(60 * 9))).isTrue();
        assertThat(rate.anomalous("a", START.plusSeconds(60 * 11))).isFalse();
    }

    @Test
    void aBusyTenantsUsualRateIsNotAnomalous() {
        Instant t = START;
        for (int minute = 0; minute < 70; minute++) {
            for (int i = 0; i < 30; i++) {
                rate.recordAndJudge("busy", t.plusSeconds(minute * 60L + 2L * i));
            }
        }
        assertThat(rate.anomalous("busy", t.plusSeconds(70 * 60L))).as("30 a minute for an hour is usual").isFalse();
        for (int i = 0; i < 160; i++) {
            rate.recordAndJudge("busy", t.plusSeconds(71 * 60L + i % 60));
        }
        assertThat(rate.anomalous("busy", t.plusSeconds(71 * 60L + 59))).as("over five times 30 a minute").isTrue();
    }
}
