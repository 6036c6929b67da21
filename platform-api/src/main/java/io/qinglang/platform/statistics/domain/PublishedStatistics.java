package io.qinglang.platform.statistics.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * What is published for a tenant and a closed period: the same numbers for the portal page, the JSON and CSV
 * downloads and the disclosure reports. Sections the tenant does not publish are empty; a median or a rate is
 * null unless at least k cases stand behind it and it gives no hidden count away.
 */
public record PublishedStatistics(String tenant, String period, PeriodType type, LocalDate from, LocalDate to, int threshold,
                                  boolean uniformLabels,
                                  String previousPeriod, String yearEarlierPeriod,
                                  List<Line> summary, List<Line> byChannel, List<Line> byCategory,
                                  List<Line> byOutcome, List<Stage> timeliness, Double medianHandlingHours,
                                  List<Line> appeals, List<RewardsPaid> rewards) {

    /**
     * A count; for tables, {@code key} is the channel, category or outcome code, or {@code TOTAL}, with the
     * tenant's names for its channels and categories.
     */
    public record Line(String key, String nameZh, String nameEn, Figure figure) {
    }

    /** A channel or category as the tenant names it. */
    public record Named(String code, String nameZh, String nameEn) {
    }

    /** A stage's completions in the period, how many were on time, the rate and the median time taken. */
    public record Stage(String stage, Figure completed, Figure onTime, Figure late, Double onTimeRate, Double medianHours) {
    }

    /** Rewards paid in one currency: how many and, where the count is published, the amount (also in minor units). */
    public record RewardsPaid(String currency, Figure count, Long amountMinor, java.math.BigDecimal amount) {
    }
}
