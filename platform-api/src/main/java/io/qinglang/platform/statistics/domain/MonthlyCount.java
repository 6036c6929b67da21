package io.qinglang.platform.statistics.domain;

import java.time.YearMonth;

/**
 * One kept count: how many times {@code measure} happened in a month to cases of a category that came in by a
 * channel; {@code detail} is the outcome, stage or currency where the measure has one, {@code total} the summed
 * amount where it has one (rewards paid, in minor units).
 */
public record MonthlyCount(YearMonth month, String measure, String category, String channel, String detail,
                           long count, long total) {
}
