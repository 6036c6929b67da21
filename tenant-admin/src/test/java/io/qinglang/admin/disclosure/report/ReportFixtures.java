package io.qinglang.admin.disclosure.report;

import io.qinglang.platform.audit.domain.ChainHead;
import io.qinglang.platform.configuration.application.PublicConfiguration;
import io.qinglang.platform.statistics.domain.Figure;
import io.qinglang.platform.statistics.domain.PeriodType;
import io.qinglang.platform.statistics.domain.PublishedStatistics.Line;
import io.qinglang.platform.statistics.domain.PublishedStatistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Published statistics and a tenant's public configuration as a report is made of them, with every kind of figure. */
final class ReportFixtures {

    static final int K = 10;

    private ReportFixtures() {
    }

    static Figure shown(long value, Double mom, Double yoy) {
        return new Figure(value, null, Long.toString(value), mom, yoy);
    }

    static Figure small() {
        return Figure.of(3, true, false, K, null, null);
    }

    static Figure protective() {
        return Figure.of(40, true, false, K, null, null);
    }

    static PublishedStatistics statistics() {
        return new PublishedStatistics("acme", "2026-10", PeriodType.MONTH, LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 31), K, false, "2026-09", "2025-10",
                List.of(line("RECEIVED", shown(1234, -4.6, 2.6)), line("ACCEPTED", shown(1100, 1.0, null)),
                        line("REJECTED", shown(80, null, null)), line("TRANSFERRED", small()),
                        line("CLOSED", shown(1000, 0.0, -10.0))),
                List.of(named("WEB", "网上举报", "Online", shown(900, 3.0, 1.5)), named("HOTLINE", "举报电话", "Hotline", protective()),
                        named("POST", "信件", "Letters", small()), named("TOTAL", null, null, shown(1234, -4.6, 2.6))),
                List.of(named("RUMOUR", "谣言", "Rumours", shown(700, null, null)),
                        named("FRAUD", "诈骗 <script>", "Fraud & scams", shown(520, 12.5, null)),
                        named("MINORS", "未成年人保护", "Minors", small()), named("TOTAL", null, null, shown(1234, -4.6, 2.6))),
                List.of(line("SUBSTANTIATED", shown(600, null, null)), line("UNSUBSTANTIATED", shown(300, null, null)),
                        line("MALICIOUS", small()), line("PARTLY_SUBSTANTIATED", protective()), line("TOTAL", shown(920, null, null))),
                List.of(new PublishedStatistics.Stage("ACKNOWLEDGE", shown(1234, null, null), shown(1230, null, null),
                                small(), 99.7, 1.0),
                        new PublishedStatistics.Stage("DECIDE", shown(900, null, null), shown(850, null, null),
                                shown(50, null, null), 94.4, 96.0),
                        new PublishedStatistics.Stage("REVIEW", small(), small(), small(), null, null)),
                180.0,
                List.of(line("APPEALED", shown(25, null, null)), line("REVIEW_UPHELD", small()), line("REVIEW_REVERSED", small())),
                List.of(new PublishedStatistics.RewardsPaid("CNY", shown(12, null, null), 3_600_000L, new BigDecimal("36000.00"))));
    }

    static PublicConfiguration configuration() {
        return new PublicConfiguration("acme", "清朗示范网信办", "Qinglang Demo Office", "清朗示范", null, false, true, true,
                List.of(new PublicConfiguration.PublicChannel("WEB", "WEB", "网上举报", "Online", null, "全天", null, null, true),
                        new PublicConfiguration.PublicChannel("HOTLINE", "HOTLINE", "举报电话", "Hotline", "12377",
                                "9:00–17:00", null, null, false)),
                List.of(new PublicConfiguration.PublicCategory("RUMOUR", null, "谣言", "Rumours", null, null, null, 1)),
                List.of(new PublicConfiguration.PublishedDeadline("ACKNOWLEDGE", null, null, 0, "HOURS", null, null),
                        new PublicConfiguration.PublishedDeadline("DECIDE", "RUMOUR", null, 10, "WORKING_DAYS", 10, "WORKING_DAYS")),
                List.of(), null);
    }

    static final ChainHead HEAD = new ChainHead(4321, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            Instant.parse("2026-11-01T01:04:59.123456Z"), Instant.parse("2026-11-01T01:05:00.000100Z"));

    static ReportInputs inputs(boolean dsa) {
        return new ReportInputs(statistics(), configuration(), null, dsa, 2, Instant.parse("2026-11-01T01:05:00Z"),
                ZoneId.of("Asia/Shanghai"), HEAD);
    }

    private static Line line(String key, Figure f) {
        return new Line(key, null, null, f);
    }

    private static Line named(String key, String zh, String en, Figure f) {
        return new Line(key, zh, en, f);
    }
}
