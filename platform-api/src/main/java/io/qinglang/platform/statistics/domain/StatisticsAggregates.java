package io.qinglang.platform.statistics.domain;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** The counts kept for the tenant in scope as its cases change; reading them never touches the cases. */
public interface StatisticsAggregates {

    /** The months' counts; category and channel may be left empty ('') for any measure but RECEIVED. */
    List<MonthlyCount> counts(YearMonth from, YearMonth to);

    List<MonthlyDuration> durations(YearMonth from, YearMonth to);

    /** The first month anything was counted in, if any. */
    Optional<YearMonth> firstMonth();
}
