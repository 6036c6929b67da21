package io.qinglang.platform.statistics.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A calendar month, quarter or year in the tenant's time zone, written {@code 2026-10}, {@code 2026-Q3} or
 * {@code 2026}. A quarter is made of its months and a year of its quarters: figures published for the larger
 * period are the sums of the smaller ones, which is why suppression looks at them together.
 */
public record Period(PeriodType type, YearMonth first) implements Comparable<Period> {

    private static final Pattern TEXT = Pattern.compile("(\\d{4})(?:-(?:(\\d{2})|Q([1-4])))?");

    public Period {
        int monthsInto = first.getMonthValue() - 1;
        if (type == PeriodType.QUARTER && monthsInto % 3 != 0 || type == PeriodType.YEAR && monthsInto != 0) {
            throw new IllegalArgumentException(type + " cannot start in " + first);
        }
    }

    public static Period month(YearMonth month) {
        return new Period(PeriodType.MONTH, month);
    }

    /** The newest period of this type that is closed on {@code today}: last month, last quarter or last year. */
    public static Period latestClosed(PeriodType type, LocalDate today) {
        YearMonth current = YearMonth.from(today);
        return switch (type) {
            case MONTH -> month(current.minusMonths(1));
            // the quarter before the one today is in
            case QUARTER -> new Period(type, current.minusMonths((current.getMonthValue() - 1) % 3L).minusMonths(3));
            case YEAR -> new Period(type, YearMonth.of(current.getYear() - 1, 1));
        };
    }

    /** Reads {@code 2026-10}, {@code 2026-Q3} or {@code 2026}; anything else is refused naming the parameter. */
    public static Period parse(String text, String pointer) {
        Matcher m = TEXT.matcher(text == null ? "" : text.strip());
        int year = m.matches() ? Integer.parseInt(m.group(1)) : 0;
        if (year < 2000 || year > 2999) {
            throw PeriodRefused.because(pointer, "a month (2026-10), a quarter (2026-Q3) or a year (2026)");
        }
        if (m.group(3) != null) {
            return new Period(PeriodType.QUARTER, YearMonth.of(year, Integer.parseInt(m.group(3)) * 3 - 2));
        }
        if (m.group(2) == null) {
            return new Period(PeriodType.YEAR, YearMonth.of(year, 1));
        }
        int month = Integer.parseInt(m.group(2));
        if (month < 1 || month > 12) {
            throw PeriodRefused.because(pointer, "the month must be 01 to 12");
        }
        return month(YearMonth.of(year, month));
    }

    public int length() {
        return switch (type) {
            case MONTH -> 1;
            case QUARTER -> 3;
            case YEAR -> 12;
        };
    }

    public YearMonth last() {
        return first.plusMonths(length() - 1L);
    }

    public List<YearMonth> months() {
        return Stream.iterate(first, m -> m.plusMonths(1)).limit(length()).toList();
    }

    /** The periods this one adds up: a quarter's months, a year's quarters; none for a month. */
    public List<Period> parts() {
        return switch (type) {
            case MONTH -> List.of();
            case QUARTER -> months().stream().map(Period::month).toList();
            case YEAR -> Stream.iterate(first, m -> m.plusMonths(3)).limit(4)
                    .map(m -> new Period(PeriodType.QUARTER, m)).toList();
        };
    }

    /** The period just before, of the same length: month-on-month, quarter-on-quarter, year-on-year. */
    public Period previous() {
        return new Period(type, first.minusMonths(length()));
    }

    public Period yearEarlier() {
        return new Period(type, first.minusYears(1));
    }

    /** Closed once its last day is over in the tenant's time zone; only closed periods are published. */
    public boolean closedOn(LocalDate today) {
        return last().isBefore(YearMonth.from(today));
    }

    public LocalDate firstDay() {
        return first.atDay(1);
    }

    public LocalDate lastDay() {
        return last().atEndOfMonth();
    }

    @Override
    public String toString() {
        return switch (type) {
            case MONTH -> first.toString();
            case QUARTER -> first.getYear() + "-Q" + ((first.getMonthValue() + 2) / 3);
            case YEAR -> Integer.toString(first.getYear());
        };
    }

    @Override
    public int compareTo(Period other) {
        int byStart = first.compareTo(other.first);
        return byStart != 0 ? byStart : Integer.compare(other.length(), length());
    }
}
