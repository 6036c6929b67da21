package io.qinglang.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatenciesTest {

    private static long[] millis(long... values) {
        long[] nanos = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            nanos[i] = values[i] < 0 ? -1 : values[i] * 1_000_000;
        }
        return nanos;
    }

    @Test
    void takesTheNearestRankOfTheSuccessfulRequests() {
        Latencies latencies = Latencies.of(millis(5, 1, -1, 3, 2, 4));

        assertThat(latencies.count()).isEqualTo(5);
        assertThat(latencies.percentileMillis(0.5)).isEqualTo(3.0);
        assertThat(latencies.percentileMillis(0.99)).isEqualTo(5.0);
    }

    @Test
    void p99OfAHundredRequestsIsTheNinetyNinthSlowest() {
        long[] values = new long[100];
        for (int i = 0; i < 100; i++) {
            values[i] = i + 1;
        }

        assertThat(Latencies.of(millis(values)).percentileMillis(0.99)).isEqualTo(99.0);
    }

    @Test
    void hasNoPercentilesWithoutSuccessfulRequests() {
        assertThat(Latencies.of(millis(-1, -1)).percentileMillis(0.5)).isNaN();
    }

    @Test
    void phasesMergedAreRankedTogether() {
        Latencies merged = Latencies.merged(java.util.List.of(Latencies.of(millis(1, 9, -1)), Latencies.of(millis(5, 3))));

        assertThat(merged.count()).isEqualTo(4);
        assertThat(merged.percentileMillis(0.5)).isEqualTo(3.0);
        assertThat(merged.percentileMillis(0.99)).isEqualTo(9.0);
    }
}
