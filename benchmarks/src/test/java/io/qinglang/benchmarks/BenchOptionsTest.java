package io.qinglang.benchmarks;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchOptionsTest {

    @Test
    void theOpenLoopRunsByDefaultAfterTheOtherScenariosAtRisingRates() {
        BenchOptions options = BenchOptions.parse();
        assertThat(options.openLoopOnly()).isFalse();
        assertThat(options.authOnly()).isFalse();
        assertThat(options.profile()).isFalse();
        assertThat(options.rates()).containsExactly(25, 50, 75, 100, 150, 200, 300, 400, 600, 800, 1200, 1600, 2400, 3200);
        assertThat(options.step()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void theOpenLoopAloneWithAProfileAndRatesOfOnesOwn() {
        BenchOptions options = BenchOptions.parse("--open-loop-only", "--profile", "--rates", "100, 300,500",
                "--step-seconds", "5");
        assertThat(options.openLoopOnly()).isTrue();
        assertThat(options.profile()).isTrue();
        assertThat(options.rates()).isEqualTo(List.of(100, 300, 500));
        assertThat(options.step()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void ratesThatAreNotRisingWholeNumbersAreRefusedByName() {
        assertThatThrownBy(() -> BenchOptions.parse("--rates", "100,50")).hasMessage("--rates must be at least 1 and rise: 100,50");
        assertThatThrownBy(() -> BenchOptions.parse("--rates", "0,50")).hasMessage("--rates must be at least 1 and rise: 0,50");
        assertThatThrownBy(() -> BenchOptions.parse("--rates", "fast")).hasMessage("--rates must be whole numbers separated by commas, not fast");
        assertThatThrownBy(() -> BenchOptions.parse("--step-seconds", "0")).hasMessage("--step-seconds must be at least 1");
    }

    @Test
    void theTokenCheckAloneLeavesTheOpenLoopOut() {
        BenchOptions options = BenchOptions.parse("--auth-only", "--requests", "500");
        assertThat(options.authOnly()).isTrue();
        assertThat(options.openLoopOnly()).isFalse();
        assertThat(options.requests()).isEqualTo(500);
    }

    @Test
    void oneScenarioAloneOrTheOtherNeverBoth() {
        assertThatThrownBy(() -> BenchOptions.parse("--auth-only", "--open-loop-only"))
                .hasMessage("--open-loop-only, --auth-only and --only exclude each other");
        assertThatThrownBy(() -> BenchOptions.parse("--only", "lookup", "--open-loop-only"))
                .hasMessage("--open-loop-only, --auth-only and --only exclude each other");
    }

    @Test
    void theWarmUpSettlesForAMinuteAtMostUnlessToldOtherwise() {
        assertThat(BenchOptions.parse().settleLimit()).isEqualTo(Duration.ofSeconds(180));
        assertThat(BenchOptions.parse("--settle-seconds", "0").settleLimit()).isEqualTo(Duration.ZERO);
        assertThatThrownBy(() -> BenchOptions.parse("--settle-seconds", "-1")).hasMessage("--settle-seconds must not be negative");
    }

    @Test
    void someClosedLoopScenariosByName() {
        assertThat(BenchOptions.parse().only()).isEmpty();
        assertThat(BenchOptions.parse("--only", "intake, lookup,").only()).containsExactly("intake", "lookup");
        assertThatThrownBy(() -> BenchOptions.parse("--only")).hasMessage("--only needs a value");
        assertThatThrownBy(() -> BenchOptions.parse("--only", "lookup,lookup floor")).hasMessage("--only: the lookups "
                + "look up the receipts the intake scenario hands out; name intake too (--only intake,lookup,lookup floor)");
    }
}
