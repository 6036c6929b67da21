package io.qinglang.platform.deadlines.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A tenant's working calendar: the time zone its days are counted in, a weekly pattern of rest
 * days, and the listed holidays and make-up working days that override that pattern.
 *
 * <p>Holidays are published a year at a time, so the calendar also records which years its list
 * is complete for. Outside those years it still answers, from the weekly pattern alone, and
 * callers use {@link #covers(int)} to warn that the answer ignores that year's holidays. Listed
 * days outside the covered years are still honoured.
 *
 * @param exceptions the listed days, keyed by their date
 */
public record WorkingCalendar(
        ZoneId zone,
        Set<DayOfWeek> restDays,
        Map<LocalDate, CalendarException> exceptions,
        Set<Integer> coveredYears) {

    private static final Set<DayOfWeek> WEEKEND = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    public WorkingCalendar {
        Objects.requireNonNull(zone, "zone");
        restDays = Set.copyOf(restDays);
        exceptions = Map.copyOf(exceptions);
        coveredYears = Set.copyOf(coveredYears);
        if (restDays.size() == DayOfWeek.values().length) {
            // Also what guarantees nextWorkingDay ends: past the last listed day, a week always has one.
            throw new IllegalArgumentException("A working calendar needs at least one working weekday");
        }
        exceptions.forEach(WorkingCalendar::requireKeyedByDate);
    }

    /** A calendar resting on Saturdays and Sundays, the pattern of mainland China and the EU. */
    public static WorkingCalendar of(
            ZoneId zone, Collection<CalendarException> exceptions, Set<Integer> coveredYears) {
        return of(zone, WEEKEND, exceptions, coveredYears);
    }

    public static WorkingCalendar of(
            ZoneId zone,
            Set<DayOfWeek> restDays,
            Collection<CalendarException> exceptions,
            Set<Integer> coveredYears) {
        return new WorkingCalendar(zone, restDays, byDate(exceptions), coveredYears);
    }

    /** A listed day decides; otherwise the weekly pattern does. */
    public boolean isWorkingDay(LocalDate date) {
        CalendarException listed = exceptions.get(date);
        if (listed != null) {
            return listed.kind() == DayKind.WORKDAY;
        }
        return !restDays.contains(date.getDayOfWeek());
    }

    /** Whether the listed days are complete for this year. */
    public boolean covers(int year) {
        return coveredYears.contains(year);
    }

    /** The first working day strictly after {@code date}. */
    public LocalDate nextWorkingDay(LocalDate date) {
        LocalDate day = date.plusDays(1);
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    private static Map<LocalDate, CalendarException> byDate(Collection<CalendarException> exceptions) {
        return exceptions.stream()
                .collect(Collectors.toMap(CalendarException::date, Function.identity(), (first, second) -> {
                    throw new IllegalArgumentException("A working calendar lists " + first.date() + " twice");
                }));
    }

    private static void requireKeyedByDate(LocalDate date, CalendarException exception) {
        if (!date.equals(exception.date())) {
            throw new IllegalArgumentException(
                    "Listed day " + exception.date() + " is filed under " + date);
        }
    }
}
