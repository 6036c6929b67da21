package io.qinglang.platform.deadlines.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** Extensions and pauses move a stored deadline; every expected date was counted by hand from reference/cn-holidays.md. */
class DeadlineMovesTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final WorkingCalendar CHINA = ChinaCalendar.calendar(BEIJING);

    private final DeadlineCalculator calculator = new DeadlineCalculator();

    @Test
    void anExtensionCountsItsWorkingDaysAfterTheCurrentDueDay() {
        // Due Mon 2026-03-02; +15 WD: 03-03..03-06 (4), 03-09..03-13 (9), 03-16..03-20 (14), 03-23 (15).
        Deadline extended = calculator.extend(due("2026-03-02"), HandlingPeriod.workingDays(15), CHINA);
        assertThat(extended.dueDate()).isEqualTo(LocalDate.parse("2026-03-23"));
        assertThat(extended.dueAt()).isEqualTo(at("2026-03-23T23:59:59+08:00"));
        assertThat(extended.calendarIncomplete()).isFalse();
    }

    @Test
    void anExtensionIntoAYearWithoutHolidayDataIsFlagged() {
        Deadline extended = calculator.extend(due("2026-12-28"), HandlingPeriod.workingDays(15), CHINA);
        assertThat(extended.dueDate().getYear()).isEqualTo(2027);
        assertThat(extended.calendarIncomplete()).isTrue();
    }

    @Test
    void aPauseOverTheSpringFestivalMovesAWorkingDayDeadlineByTheWorkingDaysLost() {
        // Paused Fri 02-13, resumed Tue 02-24: lost 02-14 (make-up Saturday) and 02-24 → two working days.
        Deadline moved = calculator.resume(due("2026-03-02"), DurationUnit.WORKING_DAYS,
                at("2026-02-13T10:00+08:00"), at("2026-02-24T09:00+08:00"), CHINA);
        assertThat(moved.dueDate()).isEqualTo(LocalDate.parse("2026-03-04"));
    }

    @Test
    void aPauseEndingTheSameDayLosesNoDay() {
        Deadline moved = calculator.resume(due("2026-03-02"), DurationUnit.WORKING_DAYS,
                at("2026-02-25T10:00+08:00"), at("2026-02-25T17:00+08:00"), CHINA);
        assertThat(moved).isEqualTo(due("2026-03-02"));
    }

    @Test
    void aPauseAtNightEndingTheNextMorningLosesThatDay() {
        // 23:30 Beijing on Wed 02-25 is still that day; the reply on Thu 02-26 costs one working day.
        Deadline moved = calculator.resume(due("2026-03-02"), DurationUnit.WORKING_DAYS,
                at("2026-02-25T23:30+08:00"), at("2026-02-26T00:30+08:00"), CHINA);
        assertThat(moved.dueDate()).isEqualTo(LocalDate.parse("2026-03-03"));
    }

    @Test
    void anHourlyDeadlineMovesByTheTimePaused() {
        Deadline hourly = new Deadline(at("2026-02-14T12:00+08:00"), LocalDate.parse("2026-02-14"), false);
        Deadline moved = calculator.resume(hourly, DurationUnit.HOURS, at("2026-02-14T09:00+08:00"),
                at("2026-02-14T12:30+08:00"), CHINA);
        assertThat(moved.dueAt()).isEqualTo(at("2026-02-14T15:30+08:00"));
    }

    @Test
    void aCalendarDayDeadlineMovesByTheDaysPausedOntoAWorkingDay() {
        // Five days paused (02-20 → 02-25) move 03-02 to Sat 03-07, a day off → Mon 03-09.
        Deadline moved = calculator.resume(due("2026-03-02"), DurationUnit.CALENDAR_DAYS,
                at("2026-02-20T10:00+08:00"), at("2026-02-25T10:00+08:00"), CHINA);
        assertThat(moved.dueDate()).isEqualTo(LocalDate.parse("2026-03-09"));
    }

    @Test
    void aResumptionBeforeThePauseChangesNothing() {
        Deadline moved = calculator.resume(due("2026-03-02"), DurationUnit.WORKING_DAYS,
                at("2026-02-25T10:00+08:00"), at("2026-02-24T10:00+08:00"), CHINA);
        assertThat(moved).isEqualTo(due("2026-03-02"));
    }

    private static Deadline due(String day) {
        LocalDate date = LocalDate.parse(day);
        return new Deadline(date.atTime(23, 59, 59).atZone(BEIJING).toInstant(), date, false);
    }

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }
}
