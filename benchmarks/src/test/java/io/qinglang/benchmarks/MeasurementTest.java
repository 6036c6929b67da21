package io.qinglang.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MeasurementTest {

    private static Measurement round(int requests, double seconds, double cpuSeconds, Map<String, Integer> failures,
                                     LockWaits waits, long... latencyMillis) {
        long[] nanos = new long[latencyMillis.length];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = latencyMillis[i] * 1_000_000;
        }
        return new Measurement(requests, failures, Map.of(), seconds, false, Latencies.of(nanos), waits, cpuSeconds, 0, 0);
    }

    @Test
    void roundsMergedAddTheirRequestsTimesAndFailures() {
        Measurement merged = Measurement.merged(List.of(
                round(2, 1.0, 0.5, Map.of("HTTP 500", 1), new LockWaits(2, 1.0, 2), 10, 30),
                round(3, 2.0, 1.0, Map.of("HTTP 500", 2, "HTTP 503", 1), new LockWaits(6, 3.0, 4), 20, 40, 50)));

        assertThat(merged.requests()).isEqualTo(5);
        assertThat(merged.throughput()).isEqualTo(5 / 3.0);
        assertThat(merged.cpuMillisPerRequest()).isEqualTo(300.0);
        assertThat(merged.failures()).containsExactlyInAnyOrderEntriesOf(Map.of("HTTP 500", 3, "HTTP 503", 1));
        assertThat(merged.medianMillis()).isEqualTo(30.0);
        assertThat(merged.lockWaits()).isEqualTo(new LockWaits(8, 2.5, 4));
    }

    @Test
    void oneRoundMergedIsItself() {
        Measurement only = round(2, 1.0, 0.2, Map.of(), LockWaits.NOT_OBSERVED, 10, 30);

        Measurement merged = Measurement.merged(List.of(only));

        assertThat(merged.throughput()).isEqualTo(only.throughput());
        assertThat(merged.p99Millis()).isEqualTo(only.p99Millis());
        assertThat(merged.lockWaits()).isEqualTo(LockWaits.NOT_OBSERVED);
    }
}
