package io.qinglang.platform.statistics.domain;

import io.qinglang.platform.tenants.domain.PublicStatistic;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PublicationTest {

    private final Map<YearMonth, List<MonthlyCount>> kept = new HashMap<>();
    private final Map<YearMonth, List<MonthlyDuration>> durations = new HashMap<>();
    private static final List<PublishedStatistics.Named> CHANNELS = List.of(new PublishedStatistics.Named("web", "网站", "Web"),
            new PublishedStatistics.Named("hotline", "热线", "Hotline"));
    private static final List<PublishedStatistics.Named> CATEGORIES = List.of(new PublishedStatistics.Named("fraud", "诈骗", "Fraud"));

    private void keep(YearMonth month, String measure, String channel, String detail, long count, long total) {
        kept.computeIfAbsent(month, m -> new ArrayList<>()).add(new MonthlyCount(month, measure, "fraud", channel, detail, count, total));
    }

    private PublishedStatistics publish(String period, int k) {
        return new Publication(k, p -> Figures.of(
                p.months().stream().flatMap(m -> kept.getOrDefault(m, List.of()).stream()).toList(),
                p.months().stream().flatMap(m -> durations.getOrDefault(m, List.of()).stream()).toList()))
                .of("demo", Period.parse(period, "/p"), EnumSet.allOf(PublicStatistic.class), CHANNELS, CATEGORIES);
    }

    @Test
    void showsChangesOnThePreviousMonthAndAYearEarlierAsTheNationalReleaseDoes() {
        keep(YearMonth.of(2024, 9), "RECEIVED", "web", "", 200, 0);
        keep(YearMonth.of(2025, 8), "RECEIVED", "web", "", 250, 0);
        keep(YearMonth.of(2025, 9), "RECEIVED", "web", "", 230, 0);

        PublishedStatistics s = publish("2025-09", 10);

        Figure received = s.summary().getFirst().figure();
        assertThat(received.value()).isEqualTo(230);
        assertThat(received.changeOnPrevious()).isEqualTo(-8.0);
        assertThat(received.changeOnYearEarlier()).isEqualTo(15.0);
        assertThat(s.byChannel()).extracting(PublishedStatistics.Line::key).containsExactly("web", "hotline", "TOTAL");
        assertThat(s.byChannel().get(1).figure().value()).isZero();
        assertThat(s.byChannel().getFirst().nameZh()).isEqualTo("网站");
        assertThat(s.previousPeriod()).isEqualTo("2025-08");
        assertThat(s.yearEarlierPeriod()).isEqualTo("2024-09");
    }

    @Test
    void showsNoChangeAgainstAHiddenOrZeroCount() {
        keep(YearMonth.of(2025, 8), "RECEIVED", "web", "", 4, 0);
        keep(YearMonth.of(2025, 9), "RECEIVED", "web", "", 40, 0);

        Figure received = publish("2025-09", 10).summary().getFirst().figure();

        assertThat(received.value()).isEqualTo(40);
        assertThat(received.changeOnPrevious()).as("4 is hidden in August").isNull();
        assertThat(received.changeOnYearEarlier()).as("nothing a year earlier").isNull();
    }

    @Test
    void givesRatesAndMediansOnlyWhereEnoughCasesStandBehindThemAndNothingHiddenFollows() {
        YearMonth m = YearMonth.of(2025, 9);
        keep(m, "ON_TIME", "web", "DECIDE", 30, 0);
        keep(m, "LATE", "web", "DECIDE", 10, 0);
        keep(m, "ON_TIME", "web", "ACCEPT", 40, 0);
        keep(m, "LATE", "web", "ACCEPT", 2, 0);
        keep(m, "ON_TIME", "web", "FEEDBACK", 6, 0);
        durations.put(m, List.of(new MonthlyDuration(m, "HANDLING", 10, 6), new MonthlyDuration(m, "HANDLING", 30, 5),
                new MonthlyDuration(m, "DECIDE", 48, 40)));

        PublishedStatistics s = publish("2025-09", 10);

        PublishedStatistics.Stage decide = stage(s, "DECIDE");
        assertThat(decide.onTimeRate()).isEqualTo(75.0);
        assertThat(decide.medianHours()).isEqualTo(48.0);
        PublishedStatistics.Stage accept = stage(s, "ACCEPT");
        assertThat(accept.late().suppressed()).isEqualTo(Figure.Suppressed.SMALL);
        assertThat(accept.onTime().suppressed()).isEqualTo(Figure.Suppressed.PROTECTIVE);
        assertThat(accept.onTimeRate()).as("the rate would give the hidden late count away").isNull();
        assertThat(accept.completed().value()).isEqualTo(42);
        PublishedStatistics.Stage feedback = stage(s, "FEEDBACK");
        assertThat(feedback.completed().shown()).isEqualTo("< 10");
        assertThat(feedback.onTimeRate()).isNull();
        assertThat(s.medianHandlingHours()).as("11 closings, the 6th took 10 h").isEqualTo(10.0);
    }

    @Test
    void givesTheLowerMedianSoThatNoHalfHourTellsWhetherNIsEven() {
        YearMonth m = YearMonth.of(2025, 9);
        durations.put(m, List.of(new MonthlyDuration(m, "HANDLING", 10, 6), new MonthlyDuration(m, "HANDLING", 31, 6)));
        assertThat(publish("2025-09", 10).medianHandlingHours()).isEqualTo(10.0);
    }

    @Test
    void withholdsTheMedianBelowK() {
        YearMonth m = YearMonth.of(2025, 9);
        durations.put(m, List.of(new MonthlyDuration(m, "HANDLING", 10, 9)));
        assertThat(publish("2025-09", 10).medianHandlingHours()).isNull();
        assertThat(publish("2025-09", 9).medianHandlingHours()).isEqualTo(10.0);
    }

    @Test
    void paysOutRewardAmountsOnlyWithAPublishedCount() {
        keep(YearMonth.of(2025, 9), "REWARD_PAID", "web", "CNY", 12, 1_200_000);
        keep(YearMonth.of(2025, 9), "REWARD_PAID", "web", "USD", 1, 50_000);

        List<PublishedStatistics.RewardsPaid> rewards = publish("2025-09", 10).rewards();

        assertThat(rewards.get(0).amount()).isEqualByComparingTo("12000.00");
        assertThat(rewards.get(1).count().shown()).isEqualTo("< 10");
        assertThat(rewards.get(1).amount()).isNull();
        assertThat(rewards.get(1).amountMinor()).isNull();
    }

    @Test
    void leavesOutWhatTheTenantDoesNotPublish() {
        keep(YearMonth.of(2025, 9), "RECEIVED", "web", "", 50, 0);
        PublishedStatistics s = new Publication(10, p -> Figures.of(kept.getOrDefault(p.first(), List.of()), List.of()))
                .of("demo", Period.parse("2025-09", "/p"), EnumSet.of(PublicStatistic.BY_CHANNEL), CHANNELS, CATEGORIES);
        assertThat(s.summary()).isEmpty();
        assertThat(s.byCategory()).isEmpty();
        assertThat(s.byChannel()).isNotEmpty();
        assertThat(s.medianHandlingHours()).isNull();
    }

    @Test
    void writesTheSameFiguresAsCsvWithNamesThatCannotRunAsFormulas() {
        keep(YearMonth.of(2025, 9), "RECEIVED", "web", "", 50, 0);
        keep(YearMonth.of(2025, 9), "RECEIVED", "hotline", "", 3, 0);
        PublishedStatistics s = new Publication(10, p -> Figures.of(kept.getOrDefault(p.first(), List.of()), List.of()))
                .of("demo", Period.parse("2025-09", "/p"), EnumSet.of(PublicStatistic.BY_CHANNEL),
                        List.of(new PublishedStatistics.Named("web", "=HYPERLINK(\"x\")", "Web, site"),
                                new PublishedStatistics.Named("hotline", "热线", "Hotline")), CATEGORIES);

        String csv = StatisticsCsv.of(s);

        assertThat(csv).startsWith(StatisticsCsv.HEADER + "\r\n").endsWith("\r\n");
        assertThat(csv).contains("2025-09,by_channel,web,\"'=HYPERLINK(\"\"x\"\")\",\"Web, site\",count,,×,PROTECTIVE,,\r\n")
                .contains("2025-09,by_channel,hotline,热线,Hotline,count,,< 10,SMALL,,\r\n")
                .contains("2025-09,by_channel,TOTAL,,,count,53,53,,,\r\n");
    }

    private static PublishedStatistics.Stage stage(PublishedStatistics s, String stage) {
        return s.timeliness().stream().filter(x -> x.stage().equals(stage)).findFirst().orElseThrow();
    }
}
