package io.qinglang.admin.console.settings;

import io.qinglang.admin.configuration.application.ConfigurationChange.ListedDay;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A year of the working calendar laid out as twelve month grids, weeks from Monday: each day a working day, a weekly
 * rest day, a holiday or a make-up working day (with the holiday's name).
 */
public record YearSheet(int year, List<Month> months) {

    /** One month: its number and its weeks (seven cells each, {@code null} outside the month). */
    public record Month(int month, List<List<Day>> weeks) {
    }

    /** One day: {@code kind} is WORK, REST, HOLIDAY or WORKDAY (a make-up working day). */
    public record Day(int day, String date, String kind, String nameZh, String nameEn) {
        public boolean off() {
            return kind.equals("REST") || kind.equals("HOLIDAY");
        }
    }

    public static YearSheet of(int year, List<ListedDay> listed, Set<DayOfWeek> restDays) {
        Map<LocalDate, ListedDay> byDate = listed.stream().collect(Collectors.toMap(ListedDay::date, Function.identity(),
                (a, b) -> b));
        List<Month> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            List<List<Day>> weeks = new ArrayList<>();
            List<Day> week = new ArrayList<>();
            for (int blank = 1; blank < month.atDay(1).getDayOfWeek().getValue(); blank++) {
                week.add(null);
            }
            for (int d = 1; d <= month.lengthOfMonth(); d++) {
                LocalDate date = month.atDay(d);
                ListedDay listedDay = byDate.get(date);
                String kind = listedDay != null ? listedDay.kind() : restDays.contains(date.getDayOfWeek()) ? "REST" : "WORK";
                week.add(new Day(d, date.toString(), kind, listedDay == null ? null : listedDay.nameZh(),
                        listedDay == null ? null : listedDay.nameEn()));
                if (week.size() == 7) {
                    weeks.add(week);
                    week = new ArrayList<>();
                }
            }
            if (!week.isEmpty()) {
                while (week.size() < 7) {
                    week.add(null);
                }
                weeks.add(week);
            }
            months.add(new Month(m, weeks));
        }
        return new YearSheet(year, months);
    }
}
