package io.qinglang.platform.deadlines.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Test
    void treatsWeekdaysAsWorkingAndSaturdaysAndSundaysAsRestByDefault() {
        WorkingCalendar calendar = WorkingCalendar.of(BEIJING, List.of(), Set.of(2026));

        assertThat(calendar.isWorkingDay(date("2026-03-02"))).as("Monday").isTrue();
        assertThat(calendar.isWorkingDay(date("2026-03-06"))).as("Friday").isTrue();
        assertThat(calendar.isWorkingDay(date("2026-03-07"))).as("Saturday").isFalse();
        assertThat(calendar.isWorkingDay(date("2026-03-08"))).as("Sunday").isFalse();
    }

    @Test
    void takesAListedHolidayOnAWeekdayAsADayOff() {
        WorkingCalendar calendar = WorkingCalendar.of(BEIJING, List.of(holiday("2026-10-01")), Set.of(2026));

        assertThat(calendar.isWorkingDay(date("2026-10-01"))).isFalse();
    }

    @Test
    void takesAListedMakeUpSaturdayAsAWorkingDay() {
        WorkingCalendar calendar = WorkingCalendar.of(BEIJING, List.of(makeUpDay("2026-10-10")), Set.of(2026));

        assertThat(calendar.isWorkingDay(date("2026-10-10"))).isTrue();
    }

    @Test
    void findsTheNextWorkingDayStrictlyAfterTheGivenDay() {
        WorkingCalendar calendar = WorkingCalendar.of(BEIJING, List.of(), Set.of(2026));

        assertThat(calendar.nextWorkingDay(date("2026-03-09"))).isEqualTo(date("2026-03-10"));
        assertThat(calendar.nextWorkingDay(date("2026-03-06"))).isEqualTo(date("2026-03-09"));
    }

    @Test
    void skipsARunOfHolidaysToAMakeUpSaturday() {
        WorkingCalendar calendar = WorkingCalendar.of(BEIJING,
                List.of(holiday("2026-10-07"), holiday("2026-10-08"), holiday("2026-10-09"), makeUpDay("2026-10-10")),
                Set.of(2026));

        assertThat(calendar.nextWorkingDay(date("2026-10-06"))).isEqualTo(date("2026-10-10"));
    }

    @Test
    void coversOnlyTheYearsItHasDataFor() {
        WorkingCalendar calendar = WorkingCalendar.of(BEIJING, List.of(), Set.of(2025, 2026));

        assertThat(calendar.covers(2025)).isTrue();
        assertThat(calendar.covers(2026)).isTrue();
        assertThat(calendar.covers(2027)).isFalse();
    }

    @Test
    void honoursADayListedInAYearItDoesNotCover() {
        WorkingCalendar calendar = WorkingCalendar.of(BEIJING, List.of(holiday("2027-01-01")), Set.of(2026));

        assertThat(calendar.isWorkingDay(date("2027-01-01"))).isFalse();
        assertThat(calendar.covers(2027)).isFalse();
    }

    @Test
    void followsAnotherWeeklyPattern() {
        Set<DayOfWeek> fridayAndSaturday = EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);
        WorkingCalendar calendar = WorkingCalendar.of(BEIJING, fridayAndSaturday, List.of(), Set.of(2026));

        assertThat(calendar.isWorkingDay(date("2026-03-06"))).as("Friday").isFalse();
        assertThat(calendar.isWorkingDay(date("2026-03-08"))).as("Sunday").isTrue();
        assertThat(calendar.nextWorkingDay(date("2026-03-05"))).isEqualTo(date("2026-03-08"));
    }

    @Test
    void isNotChangedByChangesToTheCollectionsItWasBuiltFrom() {
        Set<Integer> years = new HashSet<>(Set.of(2026));
        WorkingCalendar calendar = WorkingCalendar.of(BEIJING, List.of(), years);

        years.add(2027);

        assertThat(calendar.covers(2027)).isFalse();
    }

    @Test
    void refusesADateListedTwice() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                WorkingCalendar.of(BEIJING, List.of(holiday("2026-10-01"), makeUpDay("2026-10-01")), Set.of(2026)));
    }

    @Test
    void refusesAWeekWithoutWorkingDays() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                WorkingCalendar.of(BEIJING, EnumSet.allOf(DayOfWeek.class), List.of(), Set.of(2026)));
    }

    @Test
    void refusesAListedDayFiledUnderAnotherDate() {
        Map<LocalDate, CalendarException> misfiled = Map.of(date("2026-10-02"), holiday("2026-10-01"));

        assertThatIllegalArgumentException().isThrownBy(() ->
                new WorkingCalendar(BEIJING, Set.of(DayOfWeek.SUNDAY), misfiled, Set.of(2026)));
    }

    private static CalendarException holiday(String date) {
        return new CalendarException(date(date), DayKind.HOLIDAY, "假日", "Holiday");
    }

    private static CalendarException makeUpDay(String date) {
        return new CalendarException(date(date), DayKind.WORKDAY, "调休上班", "Make-up working day");
    }

    private static LocalDate date(String isoDate) {
        return LocalDate.parse(isoDate);
    }
}
