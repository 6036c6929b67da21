package io.qinglang.platform.statistics.domain;

import io.qinglang.platform.rewards.domain.Money;
import io.qinglang.platform.tenants.domain.PublicStatistic;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Turns the kept figures of a period into what is published: every count through {@link Suppression}, changes on
 * the previous period and on a year earlier only between published counts, medians and rates only where n ≥ k
 * and nothing hidden follows from them. Tables list the codes given (a tenant's channels and categories, so that
 * a quiet one shows 0) and any other code that had figures.
 */
public final class Publication {

    private static final List<String> OUTCOMES = List.of("SUBSTANTIATED", "PARTLY_SUBSTANTIATED", "UNSUBSTANTIATED", "MALICIOUS");
    private static final List<String> STAGES = List.of("ACKNOWLEDGE", "URGENT_TRIAGE", "ACCEPT", "DECIDE", "FEEDBACK", "REVIEW");

    private final int k;
    private final Function<Period, Figures> figures;
    private final Suppression suppression;

    public Publication(int k, Function<Period, Figures> figures) {
        this.k = k;
        java.util.Map<Period, Figures> summed = new java.util.HashMap<>();
        this.figures = period -> summed.computeIfAbsent(period, figures);
        this.suppression = new Suppression(k, figures);
    }

    public PublishedStatistics of(String tenant, Period period, Set<PublicStatistic> published,
                                  List<PublishedStatistics.Named> channels, List<PublishedStatistics.Named> categories) {
        Figures now = figures.apply(period);
        View view = new View(period, now);
        List<PublishedStatistics.Line> summary = new ArrayList<>();
        for (PublicStatistic s : List.of(PublicStatistic.RECEIVED, PublicStatistic.ACCEPTED, PublicStatistic.REJECTED,
                PublicStatistic.TRANSFERRED, PublicStatistic.CLOSED)) {
            if (published.contains(s)) {
                summary.add(view.line(s.name(), s.name()));
            }
        }
        return new PublishedStatistics(tenant, period.toString(), period.type(), period.firstDay(), period.lastDay(), k,
                suppression.uniformLabels(period),
                period.previous().toString(), period.yearEarlier().toString(), summary,
                published.contains(PublicStatistic.BY_CHANNEL) ? view.table("channel", channels, "RECEIVED") : List.of(),
                published.contains(PublicStatistic.BY_CATEGORY) ? view.table("category", categories, "RECEIVED") : List.of(),
                published.contains(PublicStatistic.BY_OUTCOME) ? view.table("outcome", OUTCOMES.stream()
                        .map(o -> new PublishedStatistics.Named(o, null, null)).toList(), "DECIDED") : List.of(),
                published.contains(PublicStatistic.ON_TIME_RATE) ? view.stages() : List.of(),
                published.contains(PublicStatistic.MEDIAN_HANDLING_TIME) ? view.median(Figures.HANDLING) : null,
                published.contains(PublicStatistic.APPEALS) ? List.of(view.line("APPEALED", "APPEALED"),
                        view.line("REVIEW_UPHELD", "REVIEW_UPHELD"), view.line("REVIEW_REVERSED", "REVIEW_REVERSED")) : List.of(),
                published.contains(PublicStatistic.REWARDS) ? view.rewards() : List.of());
    }

    /** The period's figures with what is hidden in it and in the two periods it is compared with. */
    private final class View {
        private final Period period;
        private final Figures now;
        private final Set<String> hidden;

        View(Period period, Figures now) {
            this.period = period;
            this.now = now;
            this.hidden = suppression.hidden(period);
        }

        PublishedStatistics.Line line(String key, String variable) {
            return new PublishedStatistics.Line(key, null, null, figure(variable));
        }

        Figure figure(String variable) {
            return Figure.of(now.count(variable), hidden.contains(variable), suppression.uniformLabels(period), k,
                    earlier(period.previous(), variable), earlier(period.yearEarlier(), variable));
        }

        private Long earlier(Period before, String variable) {
            return suppression.hidden(before).contains(variable) ? null : figures.apply(before).count(variable);
        }

        List<PublishedStatistics.Line> table(String table, List<PublishedStatistics.Named> named, String total) {
            Set<String> rows = new TreeSet<>(now.rows(table));
            List<PublishedStatistics.Line> lines = new ArrayList<>();
            for (PublishedStatistics.Named n : named) {
                lines.add(new PublishedStatistics.Line(n.code(), n.nameZh(), n.nameEn(), figure(table + "/" + n.code())));
                rows.remove(n.code());
            }
            rows.forEach(code -> lines.add(line(code, table + "/" + code)));
            lines.add(line("TOTAL", total));
            return lines;
        }

        List<PublishedStatistics.Stage> stages() {
            List<PublishedStatistics.Stage> stages = new ArrayList<>();
            for (String stage : STAGES) {
                if (!now.rows("completed").contains(stage)) {
                    continue;
                }
                Figure completed = figure("completed/" + stage);
                Figure onTime = figure("onTime/" + stage);
                Figure late = figure("late/" + stage);
                long n = now.count("completed/" + stage);
                Double rate = n >= k && !onTime.hidden() && !late.hidden()
                        ? Math.round(now.count("onTime/" + stage) * 1000.0 / n) / 10.0 : null;
                stages.add(new PublishedStatistics.Stage(stage, completed, onTime, late, rate, median(stage)));
            }
            return stages;
        }

        Double median(String measure) {
            return now.timed(measure) >= k ? now.medianHours(measure).orElseThrow() : null;
        }

        List<PublishedStatistics.RewardsPaid> rewards() {
            return now.rows("rewards").stream().map(currency -> {
                Figure count = figure("rewards/" + currency);
                Long minor = count.hidden() ? null : now.amount("rewards/" + currency);
                return new PublishedStatistics.RewardsPaid(currency, count, minor,
                        minor == null ? null : Money.fromMinor(minor, currency));
            }).toList();
        }
    }
}
