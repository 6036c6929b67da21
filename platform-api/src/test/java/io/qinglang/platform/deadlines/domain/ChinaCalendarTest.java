package io.qinglang.platform.deadlines.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChinaCalendarTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final WorkingCalendar CHINA = ChinaCalendar.calendar(BEIJING);

    @ParameterizedTest
    @ValueSource(ints = {2025, 2026})
    void has248WorkingDaysAsTheStateCouncilNoticeSays(int year) {
        long workingDays = LocalDate.of(year, 1, 1)
                .datesUntil(LocalDate.of(year + 1, 1, 1))
                .filter(CHINA::isWorkingDay)
                .count();

        assertThat(workingDays).isEqualTo(248);
    }

    @Test
    void lists61DaysOffAnd11MakeUpWorkingDays() {
        assertThat(ChinaCalendar.exceptions()).filteredOn(day -> day.kind() == DayKind.HOLIDAY).hasSize(61);
        assertThat(ChinaCalendar.exceptions()).filteredOn(day -> day.kind() == DayKind.WORKDAY).hasSize(11);
    }

    @Test
    void putsEveryMakeUpWorkingDayOnAWeekend() {
        assertThat(ChinaCalendar.exceptions())
                .filteredOn(day -> day.kind() == DayKind.WORKDAY)
                .extracting(day -> day.date().getDayOfWeek())
                .allMatch(dayOfWeek -> dayOfWeek == DayOfWeek.SATURDAY || dayOfWeek == DayOfWeek.SUNDAY);
    }

    @Test
    void listsDaysInDateOrderAndOnlyInTheYearsItCovers() {
        assertThat(ChinaCalendar.exceptions())
                .isSortedAccordingTo(Comparator.comparing(CalendarException::date))
                .allMatch(day -> ChinaCalendar.years().contains(day.date().getYear()));
    }

    @Test
    void givesNationalDay2025EightDaysOffAndTwoMakeUpDays() {
        assertThat(LocalDate.parse("2025-10-01").datesUntil(LocalDate.parse("2025-10-09")))
                .noneMatch(CHINA::isWorkingDay);
        assertThat(CHINA.isWorkingDay(LocalDate.parse("2025-09-28"))).as("Sunday make-up day").isTrue();
        assertThat(CHINA.isWorkingDay(LocalDate.parse("2025-10-11"))).as("Saturday make-up day").isTrue();
        assertThat(CHINA.isWorkingDay(LocalDate.parse("2025-10-09"))).as("first day back").isTrue();
    }

    @Test
    void givesSpringFestival2026NineDaysOffBetweenTwoMakeUpSaturdays() {
        assertThat(LocalDate.parse("2026-02-15").datesUntil(LocalDate.parse("2026-02-24")))
                .noneMatch(CHINA::isWorkingDay);
        assertThat(CHINA.isWorkingDay(LocalDate.parse("2026-02-14"))).isTrue();
        assertThat(CHINA.isWorkingDay(LocalDate.parse("2026-02-28"))).isTrue();
    }

    @Test
    void namesEachDayInChineseAndEnglish() {
        assertThat(ChinaCalendar.exceptions())
                .contains(
                        new CalendarException(
                                LocalDate.parse("2026-02-17"), DayKind.HOLIDAY, "春节", "Spring Festival"),
                        new CalendarException(
                                LocalDate.parse("2026-05-09"), DayKind.WORKDAY, "劳动节", "Labour Day"));
    }

    @Test
    void countsInTheGivenZoneAndCoversOnly2025And2026() {
        assertThat(CHINA.zone()).isEqualTo(BEIJING);
        assertThat(ChinaCalendar.years()).isEqualTo(Set.of(2025, 2026));
        assertThat(CHINA.covers(2024)).isFalse();
        assertThat(CHINA.covers(2027)).isFalse();
    }
}
