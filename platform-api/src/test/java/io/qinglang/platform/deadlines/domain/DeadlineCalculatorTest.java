package io.qinglang.platform.deadlines.domain;

import static io.qinglang.platform.deadlines.domain.HandlingPeriod.calendarDays;
import static io.qinglang.platform.deadlines.domain.HandlingPeriod.hours;
import static io.qinglang.platform.deadlines.domain.HandlingPeriod.workingDays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every expected deadline was counted by hand from reference/cn-holidays.md. */
class DeadlineCalculatorTest {

    private static final WorkingCalendar CHINA = ChinaCalendar.calendar(ZoneId.of("Asia/Shanghai"));

    private final DeadlineCalculator calculator = new DeadlineCalculator();

    @Nested
    class WorkingDays {

        @Test
        void countsTheSpringFestivalMakeUpSaturdayAsTheFirstWorkingDay() {
            // Fri 02-13 received; 02-14 Sat make-up (1); 02-15..02-23 off; 02-24..02-27 (2-5);
            // 02-28 Sat make-up (6); 03-01 Sun; 03-02 Mon (7).
            assertThat(calculator.dueAt(at("2026-02-13T10:00+08:00"), workingDays(7), CHINA))
                    .isEqualTo(complete("2026-03-02T23:59:59+08:00"));
        }

        @Test
        void skipsLabourDay2025AndCountsItsMakeUpSunday() {
            // Fri 04-25 received; 04-26 Sat; 04-27 Sun make-up (1); 04-28..04-30 (2-4);
            // 05-01..05-05 off; 05-06 Tue (5).
            assertThat(calculator.dueAt(at("2025-04-25T09:00+08:00"), workingDays(5), CHINA))
                    .isEqualTo(complete("2025-05-06T23:59:59+08:00"));
        }

        @Test
        void skipsLabourDay2026AndCountsItsMakeUpSaturday() {
            // Thu 04-30 received; 05-01..05-05 off; 05-06..05-08 (1-3); 05-09 Sat make-up (4);
            // 05-10 Sun; 05-11..05-13 (5-7).
            assertThat(calculator.dueAt(at("2026-04-30T16:00+08:00"), workingDays(7), CHINA))
                    .isEqualTo(complete("2026-05-13T23:59:59+08:00"));
        }

        @Test
        void skipsTheEightDaysOfNationalDay2025AndCountsBothMakeUpDays() {
            // Fri 09-26 received; 09-27 Sat; 09-28 Sun make-up (1); 09-29, 09-30 (2-3);
            // 10-01..10-08 off; 10-09, 10-10 (4-5); 10-11 Sat make-up (6); 10-12 Sun;
            // 10-13..10-16 (7-10).
            assertThat(calculator.dueAt(at("2025-09-26T11:00+08:00"), workingDays(10), CHINA))
                    .isEqualTo(complete("2025-10-16T23:59:59+08:00"));
        }

        @Test
        void takesTheFirstWorkingDayAfterAHolidayAsDayOneWhenReceivedOnTheHoliday() {
            // Fri 10-03 (a day off) received; 10-09 (1), 10-10 (2), 10-11 Sat make-up (3).
            assertThat(calculator.dueAt(at("2025-10-03T14:00+08:00"), workingDays(3), CHINA))
                    .isEqualTo(complete("2025-10-11T23:59:59+08:00"));
        }
    }

    @Nested
    class CalendarDays {

        @Test
        void movesADeadlineWhoseLastDayIsAHolidayToTheNextWorkingDay() {
            // Wed 09-24 + 7 = Wed 10-01, a day off until 10-08; next working day Thu 10-09.
            assertThat(calculator.dueAt(at("2025-09-24T10:00+08:00"), calendarDays(7), CHINA))
                    .isEqualTo(complete("2025-10-09T23:59:59+08:00"));
        }

        @Test
        void movesADeadlineWhoseLastDayIsASundayToMonday() {
            // Wed 03-04 + 4 = Sun 03-08; next working day Mon 03-09.
            assertThat(calculator.dueAt(at("2026-03-04T10:00+08:00"), calendarDays(4), CHINA))
                    .isEqualTo(complete("2026-03-09T23:59:59+08:00"));
        }

        @Test
        void letsADeadlineEndOnAMakeUpSaturday() {
            // Mon 02-09 + 5 = Sat 02-14, a make-up working day.
            assertThat(calculator.dueAt(at("2026-02-09T10:00+08:00"), calendarDays(5), CHINA))
                    .isEqualTo(complete("2026-02-14T23:59:59+08:00"));
        }

        @Test
        void startsCountingOnTheNextWorkingDayWhenReceivedOnAHoliday() {
            // Fri 10-03 is a day off, so Thu 10-09 stands as the day of receipt; + 7 = Thu 10-16.
            assertThat(calculator.dueAt(at("2025-10-03T14:00+08:00"), calendarDays(7), CHINA))
                    .isEqualTo(complete("2025-10-16T23:59:59+08:00"));
        }
    }

    @Nested
    class TimeZones {

        @Test
        void takesHalfPastMidnightInBeijingAsThatBeijingDateNotThePreviousUtcDate() {
            // 00:30 on Tue 02-24 in Beijing; in UTC still Mon 02-23, a day off. Day one is Wed 02-25.
            Instant halfPastMidnightInBeijing = Instant.parse("2026-02-23T16:30:00Z");

            assertThat(calculator.dueAt(halfPastMidnightInBeijing, workingDays(1), CHINA))
                    .isEqualTo(complete("2026-02-25T23:59:59+08:00"));
        }

        @Test
        void givesTheBeijingDateOfAnHourDeadlineThatCrossesMidnight() {
            Deadline deadline = calculator.dueAt(at("2026-03-01T23:30+08:00"), hours(1), CHINA);

            assertThat(deadline.dueAt()).isEqualTo(Instant.parse("2026-03-01T16:30:00Z"));
            assertThat(deadline.dueDate()).isEqualTo(LocalDate.parse("2026-03-02"));
        }

        @Test
        void countsAnEuAcknowledgementInBrusselsTimeAcrossTheSwitchToSummerTime() {
            // Fri 03-27 23:30 in Brussels (already Sat in Beijing) + 7 = Fri 04-03, on summer time.
            Instant fridayNightInBrussels = Instant.parse("2026-03-27T22:30:00Z");

            assertThat(calculator.dueAt(fridayNightInBrussels, calendarDays(7), brussels2026()))
                    .isEqualTo(complete("2026-04-03T23:59:59+02:00"));
        }

        @Test
        void movesAnEuAcknowledgementOffEasterMonday() {
            // Mon 03-30 + 7 = Mon 04-06, Easter Monday; next working day Tue 04-07.
            assertThat(calculator.dueAt(at("2026-03-30T09:00+02:00"), calendarDays(7), brussels2026()))
                    .isEqualTo(complete("2026-04-07T23:59:59+02:00"));
        }
    }

    @Nested
    class Hours {

        @Test
        void runOnTheClockThroughAHoliday() {
            assertThat(calculator.dueAt(at("2026-02-16T10:00+08:00"), hours(1), CHINA))
                    .isEqualTo(new Deadline(at("2026-02-16T11:00+08:00"), LocalDate.parse("2026-02-16"), false));
        }

        @Test
        void areNotFlaggedWhenTheyEndInAYearWithoutHolidayData() {
            // The calendar plays no part in an hour count, so missing 2027 holidays cannot make it wrong.
            assertThat(calculator.dueAt(at("2026-12-31T23:30+08:00"), hours(1), CHINA))
                    .isEqualTo(new Deadline(at("2027-01-01T00:30+08:00"), LocalDate.parse("2027-01-01"), false));
        }
    }

    @Nested
    class ZeroPeriods {

        @Test
        void anInstantPeriodIsDueAtTheMomentOfReceipt() {
            Instant receivedOnAHoliday = at("2026-02-16T10:00+08:00");

            assertThat(calculator.dueAt(receivedOnAHoliday, HandlingPeriod.instant(), CHINA))
                    .isEqualTo(new Deadline(receivedOnAHoliday, LocalDate.parse("2026-02-16"), false));
        }

        @Test
        void zeroWorkingDaysEndWithAWorkingDayOfReceipt() {
            assertThat(calculator.dueAt(at("2026-02-13T10:00+08:00"), workingDays(0), CHINA))
                    .isEqualTo(complete("2026-02-13T23:59:59+08:00"));
        }

        @Test
        void zeroWorkingDaysReceivedOnAHolidayEndWithTheNextWorkingDay() {
            assertThat(calculator.dueAt(at("2026-02-16T10:00+08:00"), workingDays(0), CHINA))
                    .isEqualTo(complete("2026-02-24T23:59:59+08:00"));
        }

        @Test
        void zeroCalendarDaysReceivedOnAHolidayEndWithTheNextWorkingDay() {
            assertThat(calculator.dueAt(at("2025-10-01T10:00+08:00"), calendarDays(0), CHINA))
                    .isEqualTo(complete("2025-10-09T23:59:59+08:00"));
        }
    }

    @Nested
    class YearsWithoutHolidayData {

        @Test
        void flagADeadlineThatCountsDaysIn2027() {
            // Mon 12-28 received; 12-29..12-31 (1-3); Fri 2027-01-01 counted as a weekday (4),
            // though New Year will surely be a day off; Mon 2027-01-04 (5).
            assertThat(calculator.dueAt(at("2026-12-28T10:00+08:00"), workingDays(5), CHINA))
                    .isEqualTo(incomplete("2027-01-04T23:59:59+08:00"));
        }

        @Test
        void doNotFlagADeadlineThatEndsBeforeTheYearTurns() {
            assertThat(calculator.dueAt(at("2026-12-28T10:00+08:00"), workingDays(3), CHINA))
                    .isEqualTo(complete("2026-12-31T23:59:59+08:00"));
        }

        @Test
        void flagCalendarDaysReceivedInAYearWithoutData() {
            // Whether Tue 2024-12-31 was a day off decides where counting starts, and 2024 is unknown.
            assertThat(calculator.dueAt(at("2024-12-31T10:00+08:00"), calendarDays(1), CHINA))
                    .isEqualTo(incomplete("2025-01-02T23:59:59+08:00"));
        }

        @Test
        void doNotFlagWorkingDaysWhenOnlyTheUncountedDayOfReceiptIsUnknown() {
            assertThat(calculator.dueAt(at("2024-12-31T10:00+08:00"), workingDays(1), CHINA))
                    .isEqualTo(complete("2025-01-02T23:59:59+08:00"));
        }
    }

    @Nested
    class BadInput {

        @Test
        void refusesMoreThan3660WorkingDays() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> calculator.dueAt(at("2026-01-05T10:00+08:00"), workingDays(3661), CHINA));
        }

        @Test
        void refusesMoreThan3660CalendarDays() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> calculator.dueAt(at("2026-01-05T10:00+08:00"), calendarDays(3661), CHINA));
        }

        @Test
        void accepts3660WorkingDaysAndFlagsTheYearsWithoutData() {
            assertThat(calculator.dueAt(at("2026-01-05T10:00+08:00"), workingDays(3660), CHINA)
                    .calendarIncomplete()).isTrue();
        }
    }

    private static WorkingCalendar brussels2026() {
        CalendarException easterMonday = new CalendarException(
                LocalDate.parse("2026-04-06"), DayKind.HOLIDAY, "复活节星期一", "Easter Monday");
        return WorkingCalendar.of(ZoneId.of("Europe/Brussels"), List.of(easterMonday), Set.of(2026));
    }

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    private static Deadline complete(String localDueAt) {
        return due(localDueAt, false);
    }

    private static Deadline incomplete(String localDueAt) {
        return due(localDueAt, true);
    }

    private static Deadline due(String localDueAt, boolean calendarIncomplete) {
        OffsetDateTime dueAt = OffsetDateTime.parse(localDueAt);
        return new Deadline(dueAt.toInstant(), dueAt.toLocalDate(), calendarIncomplete);
    }
}
