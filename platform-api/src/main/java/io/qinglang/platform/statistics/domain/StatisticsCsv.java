package io.qinglang.platform.statistics.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The published statistics as CSV (RFC 4180, UTF-8, CRLF): one line per figure, hidden figures with an empty value
 * and their label, so that the file holds exactly what the page shows.
 */
public final class StatisticsCsv {

    public static final String HEADER = "period,section,key,name_zh,name_en,measure,value,shown,suppressed,"
            + "change_on_previous_percent,change_on_year_earlier_percent";

    private StatisticsCsv() {
    }

    public static String of(PublishedStatistics s) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines(s, "summary", s.summary(), lines);
        lines(s, "by_channel", s.byChannel(), lines);
        lines(s, "by_category", s.byCategory(), lines);
        lines(s, "by_outcome", s.byOutcome(), lines);
        for (PublishedStatistics.Stage stage : s.timeliness()) {
            lines.add(figure(s, "timeliness", stage.stage(), "completed", stage.completed()));
            lines.add(figure(s, "timeliness", stage.stage(), "on_time", stage.onTime()));
            lines.add(figure(s, "timeliness", stage.stage(), "late", stage.late()));
            lines.add(number(s, "timeliness", stage.stage(), "on_time_rate_percent", stage.onTimeRate()));
            lines.add(number(s, "timeliness", stage.stage(), "median_hours", stage.medianHours()));
        }
        if (s.medianHandlingHours() != null || !s.summary().isEmpty()) {
            lines.add(number(s, "handling", "HANDLING", "median_hours", s.medianHandlingHours()));
        }
        lines(s, "appeals", s.appeals(), lines);
        for (PublishedStatistics.RewardsPaid r : s.rewards()) {
            lines.add(figure(s, "rewards_paid", r.currency(), "count", r.count()));
            lines.add(number(s, "rewards_paid", r.currency(), "amount_minor_units",
                    r.amountMinor() == null ? null : r.amountMinor().doubleValue()));
        }
        return String.join("\r\n", lines) + "\r\n";
    }

    private static void lines(PublishedStatistics s, String section, List<PublishedStatistics.Line> figures, List<String> out) {
        figures.forEach(l -> out.add(figure(s, section, l.key(), l.nameZh(), l.nameEn(), "count", l.figure())));
    }

    private static String figure(PublishedStatistics s, String section, String key, String measure, Figure f) {
        return figure(s, section, key, null, null, measure, f);
    }

    /** One figure as a line: its value (empty when hidden), as shown, why hidden, and its changes. */
    public static String figure(PublishedStatistics s, String section, String key, String nameZh, String nameEn,
                                String measure, Figure f) {
        return row(s.period(), section, key, text(nameZh), text(nameEn), measure, f.value() == null ? "" : f.value().toString(), f.shown(),
                f.suppressed() == null ? "" : f.suppressed().name(), decimal(f.changeOnPrevious()),
                decimal(f.changeOnYearEarlier()));
    }

    /** A median or a rate as a line; empty where it is not published. */
    public static String number(PublishedStatistics s, String section, String key, String measure, Double value) {
        String text = decimal(value);
        return row(s.period(), section, key, "", "", measure, text, text.isEmpty() ? "n < " + s.threshold() : text, "", "", "");
    }

    /** A line of text or of a number that is not a count (a deadline's length, a channel's kind). */
    public static String text(PublishedStatistics s, String section, String key, String nameZh, String nameEn,
                              String measure, String value) {
        return row(s.period(), section, key, text(nameZh), text(nameEn), measure, text(value), text(value), "", "", "");
    }

    /** A name typed by an admin, kept from being read as a formula by spreadsheet programs. */
    private static String text(String name) {
        if (name == null) {
            return "";
        }
        return name.isEmpty() || "=+-@\t\r".indexOf(name.charAt(0)) < 0 ? name : "'" + name;
    }

    private static String decimal(Double value) {
        if (value == null) {
            return "";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString(value.longValue()) : value.toString();
    }

    private static String row(String... fields) {
        List<String> quoted = new ArrayList<>();
        for (String f : fields) {
            boolean plain = f.chars().noneMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
            quoted.add(plain ? f : "\"" + f.replace("\"", "\"\"") + "\"");
        }
        return String.join(",", quoted);
    }
}
