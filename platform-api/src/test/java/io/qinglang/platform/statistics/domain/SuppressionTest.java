package io.qinglang.platform.statistics.domain;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SuppressionTest {

    private int k = 10;
    private final Map<YearMonth, List<MonthlyCount>> kept = new HashMap<>();

    private void received(YearMonth month, String category, String channel, long count) {
        keep(month, "RECEIVED", category, channel, "", count);
    }

    private void keep(YearMonth month, String measure, String category, String channel, String detail, long count) {
        kept.computeIfAbsent(month, m -> new ArrayList<>())
                .add(new MonthlyCount(month, measure, category, channel, detail, count, 0));
    }

    private Figures figures(Period p) {
        return Figures.of(p.months().stream().flatMap(m -> kept.getOrDefault(m, List.of()).stream()).toList(), List.of());
    }

    @Test
    void hidesEverySmallCountAndOneMoreWhereATotalWouldGiveItAway() {
        YearMonth m = YearMonth.of(2026, 3);
        received(m, "A", "WEB", 3);
        received(m, "B", "WEB", 25);
        received(m, "C", "WEB", 32);
        received(m, "C", "HOTLINE", 8);
        keep(m, "DECIDED", "B", "WEB", "SUBSTANTIATED", 12);
        keep(m, "DECIDED", "B", "WEB", "UNSUBSTANTIATED", 1);
        keep(m, "ON_TIME", "B", "WEB", "DECIDE", 30);
        keep(m, "LATE", "B", "WEB", "DECIDE", 2);

        Period month = Period.month(m);
        Set<String> hidden = new Suppression(k, this::figures).hidden(month);

        assertThat(hidden).contains("category/A", "channel/HOTLINE", "outcome/UNSUBSTANTIATED", "late/DECIDE")
                .contains("category/B", "channel/WEB", "outcome/SUBSTANTIATED", "onTime/DECIDE")
                .doesNotContain("RECEIVED", "category/C", "DECIDED", "completed/DECIDE");
        assertNothingRecoverable(month, hidden);
    }

    @Test
    void hidesTheTotalWhenTheLastCellCannotProtectASmallOne() {
        YearMonth m = YearMonth.of(2026, 4);
        received(m, "A", "WEB", 1);
        received(m, "B", "WEB", 5);
        received(m, "B", "HOTLINE", 5);

        Period month = Period.month(m);
        Set<String> hidden = new Suppression(k, this::figures).hidden(month);

        // A = 1 and B = 10: with B at least k, A + B = 11 would pin A to 1, so the total goes too
        assertThat(hidden).contains("category/A", "category/B", "RECEIVED");
        assertNothingRecoverable(month, hidden);
    }

    @Test
    void aQuarterHidesWhatItsMonthsHidSoThatNoMonthFollowsBySubtraction() {
        YearMonth jan = YearMonth.of(2026, 1);
        received(jan, "A", "WEB", 3);
        received(jan, "B", "WEB", 20);
        received(YearMonth.of(2026, 2), "A", "WEB", 15);
        received(YearMonth.of(2026, 2), "B", "WEB", 15);
        received(YearMonth.of(2026, 3), "A", "WEB", 12);
        received(YearMonth.of(2026, 3), "B", "WEB", 30);
        keep(YearMonth.of(2026, 2), "APPEALED", "A", "WEB", "", 4);
        keep(YearMonth.of(2026, 3), "APPEALED", "A", "WEB", "", 11);

        Suppression suppression = new Suppression(k, this::figures);
        Period quarter = new Period(PeriodType.QUARTER, jan);
        Set<String> q = suppression.hidden(quarter);

        assertThat(suppression.hidden(Period.month(jan))).contains("category/A", "category/B");
        assertThat(q).contains("category/A", "category/B", "APPEALED");
        assertNothingRecoverable(quarter, q);
    }

    @Test
    void publishesEverythingWhenNoCountIsSmall() {
        YearMonth m = YearMonth.of(2026, 5);
        received(m, "A", "WEB", 10);
        received(m, "B", "HOTLINE", 0);

        assertThat(new Suppression(k, this::figures).hidden(Period.month(m))).isEmpty();
    }

    @Test
    void aYearOfSmallMonthsLeavesNothingToWorkOut() {
        for (int month = 1; month <= 12; month++) {
            YearMonth m = YearMonth.of(2025, month);
            received(m, "A", "WEB", month % 4 == 0 ? 2 : 11);
            received(m, "B", month % 3 == 0 ? "HOTLINE" : "WEB", month % 5 == 0 ? 1 : 14);
            keep(m, "ON_TIME", "A", "WEB", "ACCEPT", 10 + month);
            keep(m, "LATE", "A", "WEB", "ACCEPT", month % 6);
        }
        Suppression suppression = new Suppression(k, this::figures);
        Period year = new Period(PeriodType.YEAR, YearMonth.of(2025, 1));
        Set<String> hidden = suppression.hidden(year);

        assertThat(hidden).isNotEmpty();
        for (Period quarter : year.parts()) {
            assertNothingRecoverable(quarter, suppression.hidden(quarter), suppression);
        }
        assertNothingRecoverable(year, hidden, suppression);
    }

    @Test
    void aHandfulOfCasesOneInEachCategoryIsNotGivenAwayByTheLabelsAlone() {
        k = 5;
        YearMonth m = YearMonth.of(2026, 6);
        for (String category : List.of("A", "B", "C", "D")) {
            received(m, category, "WEB", 1);
        }
        for (String outcome : List.of("SUBSTANTIATED", "PARTLY_SUBSTANTIATED", "UNSUBSTANTIATED", "MALICIOUS")) {
            keep(m, "DECIDED", "A", "WEB", outcome, 1);
        }
        Suppression suppression = new Suppression(k, this::figures);
        Period month = Period.month(m);

        // four cells "< 5" under a total "< 5" would each be 1: every hidden cell carries the same label instead
        assertThat(suppression.uniformLabels(month)).isTrue();
        assertNothingRecoverable(month, suppression.hidden(month), suppression);
    }

    @Test
    void rareEventsOneAMonthDoNotPinTheYear() {
        k = 5;
        for (int month : List.of(2, 5, 8, 11)) {
            keep(YearMonth.of(2025, month), "REVIEW_REVERSED", "A", "WEB", "", 1);
            received(YearMonth.of(2025, month), "A", "WEB", 30);
        }
        Suppression suppression = new Suppression(k, this::figures);
        Period year = new Period(PeriodType.YEAR, YearMonth.of(2025, 1));

        assertThat(suppression.hidden(year)).contains("REVIEW_REVERSED");
        assertNothingRecoverable(year, suppression.hidden(year), suppression);
    }

    @Test
    void manyRandomQuartersWithTheSmallestThresholdLeaveNothingToWorkOut() {
        k = 5;
        manyRandomQuartersLeaveNothingToWorkOut();
    }

    @Test
    void manyRandomQuartersLeaveNothingToWorkOut() {
        java.util.Random random = new java.util.Random(20261202L);
        for (int round = 0; round < 150; round++) {
            kept.clear();
            YearMonth first = YearMonth.of(2024, 1 + 3 * random.nextInt(4));
            for (int m = 0; m < 3; m++) {
                for (String category : List.of("A", "B", "C")) {
                    for (String channel : List.of("WEB", "HOTLINE")) {
                        int roll = random.nextInt(10);
                        received(first.plusMonths(m), category, channel, roll < 3 ? 0 : roll < 7 ? 1 + random.nextInt(9)
                                : 10 + random.nextInt(30));
                    }
                }
                keep(first.plusMonths(m), "ON_TIME", "A", "WEB", "ACCEPT", random.nextInt(25));
                keep(first.plusMonths(m), "LATE", "A", "WEB", "ACCEPT", random.nextInt(12));
            }
            Suppression suppression = new Suppression(k, this::figures);
            Period quarter = new Period(PeriodType.QUARTER, first);
            assertNothingRecoverable(quarter, suppression.hidden(quarter), suppression);
        }
    }

    private void assertNothingRecoverable(Period top, Set<String> hidden) {
        assertNothingRecoverable(top, hidden, new Suppression(k, this::figures));
    }

    /** Everything published for the period and the periods it adds up, then every assignment tried. */
    private void assertNothingRecoverable(Period top, Set<String> hiddenInTop, Suppression s) {
        Map<String, Long> published = new HashMap<>();
        Map<String, long[]> hidden = new HashMap<>();
        List<Recovery.Equation> equations = new ArrayList<>();
        long cap = 2 * collect(top, s, published, hidden, equations) + k;
        hidden.replaceAll((v, b) -> b[1] == Long.MAX_VALUE ? new long[]{b[0], cap} : b);
        Set<String> recovered = new Attacker(published, hidden, equations).recovered();
        assertThat(recovered).as("hidden cells a reader can work out").isEmpty();
        hiddenInTop.forEach(v -> assertThat(hidden).containsKey(top + "|" + v));
    }

    /** Each hidden cell with the bounds its label gives: "< k" 1..k-1, "×" k.., "*" 1.. (upper ends capped later). */
    private long collect(Period p, Suppression s, Map<String, Long> published, Map<String, long[]> hidden,
                         List<Recovery.Equation> equations) {
        Figures f = figures(p);
        for (String v : f.variables()) {
            if (s.hidden(p).contains(v)) {
                assertThat(f.count(v)).as("zeros are never hidden").isPositive();
                hidden.put(p + "|" + v, s.uniformLabels(p) ? new long[]{1, Long.MAX_VALUE}
                        : f.count(v) < k ? new long[]{1, k - 1} : new long[]{k, Long.MAX_VALUE});
            } else {
                assertThat(f.count(v) == 0 || f.count(v) >= k).as(p + " publishes " + v + " = " + f.count(v)).isTrue();
                published.put(p + "|" + v, f.count(v));
            }
        }
        f.equations().forEach(e -> equations.add(new Recovery.Equation(
                e.parts().stream().map(v -> p + "|" + v).toList(), p + "|" + e.total())));
        long cap = f.variables().stream().mapToLong(f::count).max().orElse(0);
        for (Period part : p.parts()) {
            collect(part, s, published, hidden, equations);
        }
        if (!p.parts().isEmpty()) {
            java.util.Set<String> names = new java.util.TreeSet<>(f.variables());
            p.parts().forEach(part -> names.addAll(figures(part).variables()));
            for (String v : names) {
                equations.add(new Recovery.Equation(p.parts().stream().map(part -> part + "|" + v).toList(), p + "|" + v));
            }
        }
        return cap;
    }
}
