package io.qinglang.platform.deadlines.domain;

import static io.qinglang.platform.deadlines.domain.HandlingPeriod.calendarDays;
import static io.qinglang.platform.deadlines.domain.HandlingPeriod.workingDays;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Properties that must hold for any start in 2025–2026 and any period up to 40 days. */
class DeadlineCalculatorPropertyTest {

    private static final WorkingCalendar CHINA = ChinaCalendar.calendar(ZoneId.of("Asia/Shanghai"));
    private static final Instant FIRST_START = Instant.parse("2024-12-31T16:00:00Z"); // 2025-01-01 00:00 Beijing
    private static final Instant END_OF_STARTS = Instant.parse("2026-12-31T16:00:00Z"); // 2027-01-01 00:00 Beijing
    private static final int STARTS = 3_000;
    private static final int LONGEST_PERIOD = 40;

    private final DeadlineCalculator calculator = new DeadlineCalculator();

    @Test
    void aWorkingDayDeadlineAlwaysLandsOnAWorkingDay() {
        for (Instant start : randomStarts()) {
            for (int days = 0; days <= LONGEST_PERIOD; days++) {
                Deadline deadline = calculator.dueAt(start, workingDays(days), CHINA);
                assertThat(CHINA.isWorkingDay(deadline.dueDate()))
                        .as("%s + %d working days = %s", start, days, deadline.dueDate())
                        .isTrue();
            }
        }
    }

    @Test
    void aWorkingDayDeadlineNeverMovesEarlierAsThePeriodGrows() {
        for (Instant start : randomStarts()) {
            Instant previous = start;
            for (int days = 0; days <= LONGEST_PERIOD; days++) {
                Instant dueAt = calculator.dueAt(start, workingDays(days), CHINA).dueAt();
                assertThat(dueAt).as("%s + %d working days", start, days).isAfterOrEqualTo(previous);
                previous = dueAt;
            }
        }
    }

    @Test
    void aCalendarDayDeadlineAlwaysLandsOnAWorkingDay() {
        for (Instant start : randomStarts()) {
            for (int days = 0; days <= LONGEST_PERIOD; days++) {
                Deadline deadline = calculator.dueAt(start, calendarDays(days), CHINA);
                assertThat(CHINA.isWorkingDay(deadline.dueDate()))
                        .as("%s + %d calendar days = %s", start, days, deadline.dueDate())
                        .isTrue();
            }
        }
    }

    /** Seeded, so a failure names a start that fails again on the next run. */
    private static List<Instant> randomStarts() {
        return new Random(20260213L)
                .longs(STARTS, FIRST_START.getEpochSecond(), END_OF_STARTS.getEpochSecond())
                .mapToObj(Instant::ofEpochSecond)
                .toList();
    }
}
