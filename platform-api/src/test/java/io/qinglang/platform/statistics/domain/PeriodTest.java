package io.qinglang.platform.statistics.domain;

import io.qinglang.platform.shared.domain.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodTest {

    @Test
    void readsMonthsQuartersAndYears() {
        assertThat(Period.parse("2025-03", "/p")).isEqualTo(Period.month(YearMonth.of(2025, 3)));
        Period q3 = Period.parse("2025-Q3", "/p");
        assertThat(q3.months()).containsExactly(YearMonth.of(2025, 7), YearMonth.of(2025, 8), YearMonth.of(2025, 9));
        assertThat(q3.toString()).isEqualTo("2025-Q3");
        Period year = Period.parse(" 2025 ", "/p");
        assertThat(year.parts()).extracting(Period::toString).containsExactly("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4");
        assertThat(year.lastDay()).isEqualTo(LocalDate.of(2025, 12, 31));
    }

    @Test
    void comparesWithThePeriodBeforeAndAYearEarlier() {
        assertThat(Period.parse("2025-01", "/p").previous().toString()).isEqualTo("2024-12");
        assertThat(Period.parse("2025-Q1", "/p").previous().toString()).isEqualTo("2024-Q4");
        assertThat(Period.parse("2025-Q1", "/p").yearEarlier().toString()).isEqualTo("2024-Q1");
        assertThat(Period.parse("2025", "/p").previous()).isEqualTo(Period.parse("2025", "/p").yearEarlier());
    }

    @Test
    void isClosedOnceItsLastDayIsOver() {
        Period march = Period.parse("2025-03", "/p");
        assertThat(march.closedOn(LocalDate.of(2025, 3, 31))).isFalse();
        assertThat(march.closedOn(LocalDate.of(2025, 4, 1))).isTrue();
        assertThat(Period.parse("2025-Q2", "/p").closedOn(LocalDate.of(2025, 6, 30))).isFalse();
        assertThat(Period.parse("2025", "/p").closedOn(LocalDate.of(2026, 1, 1))).isTrue();
    }

    @Test
    void theLatestClosedPeriodIsLastMonthLastQuarterOrLastYear() {
        LocalDate firstOfApril = LocalDate.of(2026, 4, 1);
        assertThat(Period.latestClosed(PeriodType.MONTH, firstOfApril).toString()).isEqualTo("2026-03");
        assertThat(Period.latestClosed(PeriodType.QUARTER, firstOfApril).toString()).isEqualTo("2026-Q1");
        assertThat(Period.latestClosed(PeriodType.QUARTER, LocalDate.of(2026, 3, 31)).toString()).isEqualTo("2025-Q4");
        assertThat(Period.latestClosed(PeriodType.QUARTER, LocalDate.of(2026, 12, 15)).toString()).isEqualTo("2026-Q3");
        assertThat(Period.latestClosed(PeriodType.YEAR, LocalDate.of(2026, 1, 1)).toString()).isEqualTo("2025");
        assertThat(Period.latestClosed(PeriodType.MONTH, LocalDate.of(2026, 1, 1)).toString()).isEqualTo("2025-12");
        for (PeriodType type : PeriodType.values()) {
            for (LocalDate day = LocalDate.of(2025, 1, 1); day.getYear() < 2027; day = day.plusDays(7)) {
                Period latest = Period.latestClosed(type, day);
                assertThat(latest.closedOn(day)).as(type + " " + day).isTrue();
                assertThat(new Period(type, latest.first().plusMonths(latest.length())).closedOn(day)).isFalse();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2025-13", "2025-00", "2025-Q0", "2025-Q5", "1999", "3000", "25-01", "2025-1", "2025/01",
            "2025-01-01", "abcd"})
    void refusesWhatIsNotAPeriodNamingTheField(String text) {
        assertThatThrownBy(() -> Period.parse(text, "/query/period")).isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).errors().getFirst().pointer()).isEqualTo("/query/period"));
    }

    @Test
    void refusesNullAsNotAPeriod() {
        assertThatThrownBy(() -> Period.parse(null, "/p")).isInstanceOf(PeriodRefused.class);
    }
}
