package io.qinglang.platform.statistics.domain;

import java.time.YearMonth;

/** How many of a month's closings ({@code HANDLING}) or stage completions took {@code hours} whole hours. */
public record MonthlyDuration(YearMonth month, String measure, int hours, long count) {
}
