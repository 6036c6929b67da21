package io.qinglang.platform.deadlines.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Works out when a stage of a case falls due, following the Chinese administrative counting rule:
 * the day of receipt is not counted, and a period counted in days ends at the end of its last day
 * in the tenant's time zone, never on a day off.
 *
 * <ul>
 *   <li>Hours run on the clock, holidays or not.</li>
 *   <li>Working days are counted from the day after receipt; a report received on a day off thus
 *       has the next working day as its first day.</li>
 *   <li>Calendar days are counted from the day of receipt, or from the next working day if it was
 *       received on a day off; a last day that is a day off moves to the next working day.</li>
 * </ul>
 *
 * <p>A period of zero days ends with the day of receipt, or the next working day after a day off.
 */
public final class DeadlineCalculator {

    /** About ten years; anything longer is a typing mistake in a policy, not a handling period. */
    static final int MAX_DAYS = 3660;

    private static final LocalTime END_OF_DAY = LocalTime.MAX.truncatedTo(ChronoUnit.SECONDS);

    public Deadline dueAt(Instant start, HandlingPeriod period, WorkingCalendar calendar) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(calendar, "calendar");
        LocalDate receiptDay = LocalDate.ofInstant(start, calendar.zone());
        return switch (period.unit()) {
            case HOURS -> afterHours(start, period.amount(), calendar);
            case WORKING_DAYS -> afterWorkingDays(receiptDay, days(period), calendar);
            case CALENDAR_DAYS -> afterCalendarDays(receiptDay, days(period), calendar);
        };
    }

    /**
     * The deadline once an extension is granted: the extension is counted from the current due day as if
     * that day were the day of receipt, so "+15 working days" adds fifteen working days after it.
     */
    public Deadline extend(Deadline current, HandlingPeriod extension, WorkingCalendar calendar) {
        Deadline extended = dueAt(current.dueAt(), extension, calendar);
        return new Deadline(extended.dueAt(), extended.dueDate(),
                current.calendarIncomplete() || extended.calendarIncomplete());
    }

    /**
     * The deadline after the clock stood still from {@code pausedAt} to {@code resumedAt} (e.g. while the
     * reporter was asked for more information). The time lost is counted in the period's own unit, by the
     * same rule as receipt: the day of the pause was already used, the day of resumption is not counted.
     * So a working-day deadline moves by the working days in (pause day, resume day], a calendar-day one
     * by the days between them (onto a working day), an hourly one by the exact time paused.
     */
    public Deadline resume(Deadline current, DurationUnit unit, Instant pausedAt, Instant resumedAt,
                           WorkingCalendar calendar) {
        if (!resumedAt.isAfter(pausedAt)) {
            return current;
        }
        LocalDate pauseDay = LocalDate.ofInstant(pausedAt, calendar.zone());
        LocalDate resumeDay = LocalDate.ofInstant(resumedAt, calendar.zone());
        return switch (unit) {
            case HOURS -> {
                Instant dueAt = current.dueAt().plus(Duration.between(pausedAt, resumedAt));
                yield new Deadline(dueAt, LocalDate.ofInstant(dueAt, calendar.zone()), current.calendarIncomplete());
            }
            case WORKING_DAYS -> {
                LocalDate day = current.dueDate();
                for (LocalDate d = pauseDay.plusDays(1); !d.isAfter(resumeDay); d = d.plusDays(1)) {
                    if (calendar.isWorkingDay(d)) {
                        day = calendar.nextWorkingDay(day);
                    }
                }
                yield merged(current, endOf(day, current.dueDate(), calendar));
            }
            case CALENDAR_DAYS -> {
                LocalDate lastDay = current.dueDate().plusDays(ChronoUnit.DAYS.between(pauseDay, resumeDay));
                yield merged(current, endOf(workingDayFrom(lastDay, calendar), current.dueDate(), calendar));
            }
        };
    }

    private static Deadline merged(Deadline before, Deadline after) {
        return new Deadline(after.dueAt(), after.dueDate(), before.calendarIncomplete() || after.calendarIncomplete());
    }

    /** The calendar plays no part, so the deadline is never flagged as relying on missing data. */
    private static Deadline afterHours(Instant start, int hours, WorkingCalendar calendar) {
        Instant dueAt = start.plus(Duration.ofHours(hours));
        return new Deadline(dueAt, LocalDate.ofInstant(dueAt, calendar.zone()), false);
    }

    private static Deadline afterWorkingDays(LocalDate receiptDay, int days, WorkingCalendar calendar) {
        if (days == 0) {
            return endOf(workingDayFrom(receiptDay, calendar), receiptDay, calendar);
        }
        LocalDate day = receiptDay;
        for (int counted = 0; counted < days; counted++) {
            day = calendar.nextWorkingDay(day);
        }
        return endOf(day, receiptDay.plusDays(1), calendar);
    }

    private static Deadline afterCalendarDays(LocalDate receiptDay, int days, WorkingCalendar calendar) {
        LocalDate lastDay = workingDayFrom(receiptDay, calendar).plusDays(days);
        return endOf(workingDayFrom(lastDay, calendar), receiptDay, calendar);
    }

    private static LocalDate workingDayFrom(LocalDate day, WorkingCalendar calendar) {
        return calendar.isWorkingDay(day) ? day : calendar.nextWorkingDay(day);
    }

    /**
     * Due at the last second of {@code dueDate}; flagged if any day from {@code firstDayConsulted}
     * on lies in a year the calendar has no holiday data for.
     */
    private static Deadline endOf(LocalDate dueDate, LocalDate firstDayConsulted, WorkingCalendar calendar) {
        Instant dueAt = dueDate.atTime(END_OF_DAY).atZone(calendar.zone()).toInstant();
        boolean incomplete = !IntStream.rangeClosed(firstDayConsulted.getYear(), dueDate.getYear())
                .allMatch(calendar::covers);
        return new Deadline(dueAt, dueDate, incomplete);
    }

    private static int days(HandlingPeriod period) {
        if (period.amount() > MAX_DAYS) {
            throw new IllegalArgumentException(
                    "A handling period of " + period.amount() + " days is longer than " + MAX_DAYS);
        }
        return period.amount();
    }
}
